// Icon glyphs from Font Awesome 4.7 (Debian's fonts-font-awesome), merged into the UI font.
// scripts/make-fonts.py reads the \u escapes in this file to decide which icons to ship,
// so an icon is added by adding a line here and nothing else.
#pragma once

#define ICON_WRENCH "\uf0ad"
#define ICON_SEARCH "\uf002"
#define ICON_EXCHANGE "\uf0ec"
#define ICON_STAR "\uf005"
#define ICON_STAR_EMPTY "\uf006"
#define ICON_COMMENT "\uf0e5"
#define ICON_CLOCK "\uf017"
#define ICON_SHIELD "\uf132"
#define ICON_UNDO "\uf0e2"
#define ICON_PHONE "\uf095"
#define ICON_CHECK "\uf00c"
#define ICON_GLOBE "\uf0ac"
#define ICON_BOLT "\uf0e7"
#define ICON_FLAG "\uf024"
#define ICON_CHEVRON_RIGHT "\uf054"
#define ICON_CHEVRON_LEFT "\uf053"
#define ICON_QUESTION "\uf128"
#define ICON_WARNING "\uf071"

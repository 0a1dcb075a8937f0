// The accessibility mirror, portal side: every frame the widgets describe what they drew (role,
// accessible name, value, state, bounds) into an A11yTree; the host mirrors it into a hidden ARIA
// DOM tree (screen readers, keyboard focus, IME, Playwright's getByRole) and sends back what
// happened there: focus moved, an element was activated, text was typed, the page was scrolled.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aftercare::portal {

enum class Role : std::uint8_t {
    Button,
    Link,
    TextBox,
    TextArea,
    CheckBox,
    Radio,
    Heading,
    Text,
    Status,  // polite live region: a result or progress message
    Alert,   // assertive live region: an error
    Image,
    Row,     // a table row that opens something (its name is the row's key, e.g. a service number)
    Tab,     // one tab of a tab bar; Selected marks the current one
    Dialog,  // a modal dialog: the nodes between BeginModal/EndModal are its content
    Slider,  // a value in a range (star ratings): A11yNode::range, operated with arrow keys in the DOM
};

enum A11yFlags_ : std::uint32_t {
    A11yFlags_None = 0,
    A11yFlags_Checked = 1u << 0,
    A11yFlags_Disabled = 1u << 1,
    A11yFlags_Invalid = 1u << 2,
    A11yFlags_Required = 1u << 3,
    A11yFlags_Focused = 1u << 4,   // ImGui has this item active/focused: the DOM should focus it too
    A11yFlags_Selected = 1u << 5,
    A11yFlags_Password = 1u << 6,
    A11yFlags_Numeric = 1u << 7,   // phone-style keypad on touch devices (inputmode=numeric)
    A11yFlags_InScroll = 1u << 8,  // lives in the main scroll region (set by the tree, not by widgets)
    A11yFlags_InModal = 1u << 9,   // lives in the open modal dialog (set by the tree, not by widgets)
    A11yFlags_Keypad = 1u << 10,   // typed on the kiosk's own keypad: no system keyboard (inputmode=none)
    A11yFlags_Overlay = 1u << 11,  // drawn over the page (a dropdown's options): stacked above the
                                   // page's own elements, so a press there reaches it, not a field below
    A11yFlags_Drawing = 1u << 12,  // a finger drawing here draws (a signature pad): no page scroll from it
};
using A11yFlags = std::uint32_t;

// The range of a Slider: its value is spoken as the node's value text ("4 / 5").
struct A11yRange {
    int min = 0;
    int max = 0;
    int now = 0;
};

struct A11yNode {
    ImGuiID id = 0;
    Role role = Role::Text;
    A11yFlags flags = A11yFlags_None;
    ImVec2 min, max;   // screen rectangle in CSS pixels
    int level = 0;     // heading level
    std::string name;  // accessible name (label)
    std::string value; // text field content, or a status/value text
    std::string description;  // hint or error message (aria-describedby)
    std::optional<A11yRange> range;  // sliders only
};

// What the DOM side reported since the last frame; read by the widgets during the next one.
// For a slider, the DOM handles its keys (arrows, Home/End, digits) and sends the new value as
// decimal text.
struct A11yEdit {
    ImGuiID id = 0;
    std::string text;
    int selection_start = 0, selection_end = 0;  // UTF-8 byte offsets
};

// The DOM is the keyboard's side of the portal: it owns focus (Tab order is DOM order), text
// editing (IME composition, paste, phone keyboards) and the main scroll position; ImGui draws.
class A11yTree {
public:
    // Starts a frame's collection.
    void BeginFrame();

    // Describes the item ImGui submitted last (its id and rectangle).
    void AddLastItem(Role role, std::string_view name, A11yFlags flags = A11yFlags_None,
                     std::string_view value = {}, std::string_view description = {});
    // The same, for an item whose id ImGui may not report as the last one: a multi-line text field
    // scrolled out of sight is a group ImGui gives no id, and without its own id its DOM element
    // would be dropped and re-created as it scrolls (losing what was being typed into it).
    void AddLastItem(ImGuiID id, Role role, std::string_view name, A11yFlags flags = A11yFlags_None,
                     std::string_view value = {}, std::string_view description = {});
    // Describes the last item as a slider with its range; `value_text` is what is spoken ("4 / 5").
    void AddLastItemSlider(std::string_view name, A11yRange range, std::string_view value_text,
                           A11yFlags flags = A11yFlags_None, std::string_view description = {});
    // Describes a text element (heading, paragraph, status) at the last item's rectangle.
    void AddText(Role role, std::string_view text, int heading_level = 0);

    // Cuts the last node's rectangle to a visible area, for items partly scrolled out of an inner
    // scrolling area (a table's body) so the mirror element does not cover its neighbours.
    void ClipLast(const ImVec2& min, const ImVec2& max);

    // The main scroll region: nodes between Begin/End scroll with it in the mirror.
    // Call inside the scrolling window, before its content; applies a scroll the DOM asked for.
    void BeginScrollRegion();
    void EndScrollRegion();
    // The ImGui window whose scrolling the mirror owns (the platform routes the wheel by it).
    ImGuiID ScrollWindowId() const { return scroll_window_; }

    // A modal dialog, inside its ImGui window: describes the dialog (named `title`) and puts the
    // nodes up to EndModal() inside it. While one is open the mirror makes the rest of the page
    // inert, so Tab and screen readers stay in the dialog, and moves focus into it.
    void BeginModal(std::string_view title);
    void EndModal();

    // --- What the DOM reported (the host calls these between frames) ---
    void OnDomFocus(ImGuiID id, bool focus_visible) {
        dom_focus_ = id;
        dom_focus_visible_ = focus_visible;
    }
    void OnDomActivate(ImGuiID id) { pending_activate_ = id; }
    void OnDomEdit(A11yEdit edit);
    void OnDomScroll(float y) { pending_scroll_ = y; }

    // The app moves the main scroll region itself (a new screen starts at its top); applied like a
    // scroll the DOM asked for, and the DOM follows the published position.
    void ScrollTo(float y) { pending_scroll_ = y; }

    // The scroll position the DOM asked for, for ImGui::SetNextWindowScroll() just before the
    // scrolling window begins: this frame is then laid out there. (SetScrollY() inside the window
    // takes effect a frame late, so a click right after a scroll would hit the old layout.)
    std::optional<float> TakePendingScroll() { return std::exchange(pending_scroll_, std::nullopt); }

    // --- What the widgets and the app read during a frame ---
    bool HasDomFocus(ImGuiID id) const { return id != 0 && dom_focus_ == id; }
    ImGuiID DomFocus() const { return dom_focus_; }
    // Focus that should show a ring: reached by keyboard, not by a click (CSS :focus-visible).
    bool HasVisibleDomFocus(ImGuiID id) const { return HasDomFocus(id) && dom_focus_visible_; }
    // True once for an element activated by keyboard or assistive technology (Enter/Space).
    bool TakeActivation(ImGuiID id);
    std::optional<A11yEdit> TakeEdit(ImGuiID id);

    // Whether the frame's layout is final: no window moved since the last frame and no scroll was
    // applied in this one. Published so automation can wait until a click lands where it is aimed.
    void SetLayoutSettled(bool settled) { layout_settled_ = settled; }
    bool ScrollAppliedThisFrame() const { return scroll_applied_; }

    // The frame's nodes in a compact form for the host; equal strings mean nothing changed.
    std::string Serialize() const;
    const std::vector<A11yNode>& Nodes() const { return nodes_; }

private:
    A11yFlags PlacementFlags() const;

    std::vector<A11yNode> nodes_;
    ImGuiStorage text_seen_;  // this frame's texts per (scope, text) id: how often each was added
    ImGuiID dom_focus_ = 0;
    bool dom_focus_visible_ = false;
    ImGuiID pending_activate_ = 0;
    std::vector<A11yEdit> pending_edits_;
    std::optional<float> pending_scroll_;
    bool scroll_applied_ = false;
    bool layout_settled_ = true;

    bool in_scroll_ = false;
    ImGuiID scroll_window_ = 0;
    bool in_modal_ = false;
    bool scroll_before_modal_ = false;
    ImVec2 scroll_min_, scroll_max_;
    float scroll_y_ = 0, scroll_content_height_ = 0;
};

} // namespace aftercare::portal

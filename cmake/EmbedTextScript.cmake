# Writes INPUT as a NUL-terminated byte array named SYMBOL into OUTPUT (called by aftercare_embed_text).
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}"
    "// Generated from ${INPUT} by cmake/EmbedTextScript.cmake; do not edit.\n"
    "extern const unsigned char ${SYMBOL}[];\n"
    "const unsigned char ${SYMBOL}[] = {${bytes}0x00};\n")

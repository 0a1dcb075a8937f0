# aftercare_embed_text(<target> <symbol> <file>): compiles <file> into <target> as
#   extern const unsigned char <symbol>[];   (NUL-terminated UTF-8 bytes)
# so the wasm carries its string tables without an extra request, and a change to the file rebuilds.
function(aftercare_embed_text target symbol file)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
    add_custom_command(
        OUTPUT "${out}"
        COMMAND "${CMAKE_COMMAND}" -DSYMBOL=${symbol} -DINPUT=${file} -DOUTPUT=${out}
                -P "${CMAKE_SOURCE_DIR}/cmake/EmbedTextScript.cmake"
        DEPENDS "${file}" "${CMAKE_SOURCE_DIR}/cmake/EmbedTextScript.cmake"
        COMMENT "Embedding ${file}"
        VERBATIM)
    target_sources(${target} PRIVATE "${out}")
endfunction()

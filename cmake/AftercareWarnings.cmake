# Warnings are on for every target we own and fixed rather than silenced.
# Third-party code (ImGui) is compiled without them: its warnings are not ours to fix.
function(aftercare_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
endfunction()

# Writes staff.html, the staff console's page: index.html with the whole portal (aftercare-staff.js
# and .wasm) in place of the customer's program, so the two pages cannot drift apart.
# cmake -DINDEX=shell/index.html -DOUTPUT=dist/staff.html -P console_page.cmake
file(READ "${INDEX}" page)
foreach(file aftercare.js aftercare.wasm)
    string(FIND "${page}" "\"${file}\"" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${INDEX} no longer loads ${file}; update web/console_page.cmake")
    endif()
    string(REPLACE "aftercare." "aftercare-staff." staff_file "${file}")
    string(REPLACE "\"${file}\"" "\"${staff_file}\"" page "${page}")
endforeach()
# Staff only: search engines need not list it.
string(REPLACE "<meta charset=\"utf-8\">" "<meta charset=\"utf-8\">\n  <meta name=\"robots\" content=\"noindex\">" page "${page}")
file(WRITE "${OUTPUT}" "${page}")

// libcurl POST.
#include "outbound/http_post.hpp"

#include <curl/curl.h>

namespace aftercare::serve::outbound {
namespace {

constexpr std::size_t kKeepBytes = 4096;

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* out = static_cast<std::string*>(user);
    const std::size_t n = size * count;
    if (out->size() < kKeepBytes) out->append(data, std::min(n, kKeepBytes - out->size()));
    return n;
}

}  // namespace

HttpReply PostJson(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                   long timeout_seconds) {
    HttpReply reply;
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        reply.error = "curl_easy_init failed";
        return reply;
    }
    curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
    for (const auto& header : headers) list = curl_slist_append(list, header.c_str());
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    // Redirects are not followed: a signed body goes only where it was configured to go.
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_OK) {
        reply.transport_ok = true;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    } else {
        reply.error = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    }
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return reply;
}

}  // namespace aftercare::serve::outbound

// libcurl SMTP delivery.
#include "outbound/smtp_mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "outbound/mime.hpp"

namespace aftercare::serve::outbound {
namespace {

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t ReadChunk(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->data->size() - upload->offset;
    const std::size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data->data() + upload->offset, n);
    upload->offset += n;
    return n;
}

// The host of scheme://[user[:password]@]host[:port][/...]: after any user info, which a URL like
// smtp://127.0.0.1@mail.example.com uses to look local while it connects elsewhere.
std::string HostOf(const std::string& url) {
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    std::string authority = url.substr(start, url.find('/', start) - start);
    if (const auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    if (!authority.empty() && authority[0] == '[') return authority.substr(1, authority.find(']') - 1);
    return authority.substr(0, authority.find(':'));
}

bool IsNumericLoopback(const std::string& host) {
    return host.rfind("127.", 0) == 0 &&
           host.find_first_not_of("0123456789.") == std::string::npos;  // not a name such as 127.example.com
}

std::string UnsubscribeFooter(const OutboxMessage& message, const std::string& url) {
    if (message.language == "en")
        return "\n--\nA service notice about your request. To stop these e-mails: " + url + "\n";
    return "\n--\n这是关于您售后工单的服务通知。不再接收此类邮件：" + url + "\n";
}

}  // namespace

bool IsLoopbackUrl(const std::string& url) {
    const std::string host = HostOf(url);
    return host == "localhost" || host == "::1" || IsNumericLoopback(host);
}

bool IsSecretSafeHttpUrl(const std::string& url) {
    const bool https = url.rfind("https://", 0) == 0;
    const bool http = url.rfind("http://", 0) == 0;
    const auto authority_end = url.find('/', url.find("://") + 3);
    const bool has_userinfo = url.substr(0, authority_end).find('@') != std::string::npos;
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
    return (https || (http && IsLoopbackUrl(url))) && !has_userinfo && clean && url.size() <= 2000;
}

SmtpMailer::SmtpMailer(SmtpSettings settings, std::string public_url)
    : settings_(std::move(settings)), public_url_(std::move(public_url)) {}

DeliveryOutcome SmtpMailer::Deliver(const OutboxMessage& message) {
    Email email;
    email.from = settings_.from;
    email.to = message.recipient;
    email.subject = message.subject;
    email.message_id = message.message_id;
    email.date = message.created_at;
    email.body = message.body;
    if (message.recipient_label == "customer" && !public_url_.empty()) {
        email.unsubscribe_url = public_url_ + "/api/v1/unsubscribe/" + message.message_id;
        email.body += UnsubscribeFooter(message, email.unsubscribe_url);
    }
    const std::string text = BuildEmail(email);

    CURL* curl = curl_easy_init();
    if (curl == nullptr) return {false, false, "curl_easy_init failed"};
    Upload upload{&text};
    const std::string from = "<" + settings_.from + ">";
    const std::string to = "<" + message.recipient + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    if (!settings_.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
        // A password never crosses the network in clear: STARTTLS is required on smtp:// (smtps:// is
        // TLS from the first byte), except to a relay on this machine.
        if (settings_.url.rfind("smtp://", 0) == 0 && !IsLoopbackUrl(settings_.url))
            curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    } else if (settings_.url.rfind("smtp://", 0) == 0 && !IsLoopbackUrl(settings_.url)) {
        // Without a password, TLS when the server offers it (customer data is in the body).
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    }
    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK) return {true, false, {}};
    DeliveryOutcome outcome;
    outcome.error = std::string("smtp: ") + (error_buffer[0] ? error_buffer : curl_easy_strerror(code));
    if (response > 0) outcome.error += " (" + std::to_string(response) + ")";
    // 550-553 (no such mailbox, not allowed, bad address) are permanent; 4xx and network errors are retried.
    outcome.permanent = response >= 550 && response <= 553;
    return outcome;
}

}  // namespace aftercare::serve::outbound

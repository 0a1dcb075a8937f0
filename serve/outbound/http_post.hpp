// A JSON POST with libcurl, for webhooks and SMS gateways.
#pragma once

#include <string>
#include <vector>

namespace aftercare::serve::outbound {

struct HttpReply {
    bool transport_ok = false;  // a response arrived
    long status = 0;
    std::string body;           // first 4 KiB, for the delivery log
    std::string error;          // transport error
};

HttpReply PostJson(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                   long timeout_seconds = 15);

}  // namespace aftercare::serve::outbound

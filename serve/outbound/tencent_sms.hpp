// SMS through Tencent Cloud SMS API 3.0 (SendSms, version 2021-01-11), signed with TC3-HMAC-SHA256
// exactly as Tencent's "签名方法 v3" documents it; and a generic JSON-over-HTTP gateway for others.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "outbound/delivery.hpp"
#include "outbound/settings.hpp"

namespace aftercare::serve::outbound {

struct Tc3Request {
    std::string secret_id;
    std::string secret_key;
    std::string service;       // "sms"
    std::string host;          // "sms.tencentcloudapi.com"
    std::string content_type = "application/json; charset=utf-8";
    std::string payload;       // the JSON body, byte for byte as sent
    std::int64_t timestamp = 0;
};

struct Tc3Signature {
    std::string hashed_payload;            // hex SHA-256 of the payload
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;                 // hex
    std::string authorization;             // the Authorization header value
};

// TC3-HMAC-SHA256: POST / with content-type and host signed; Date is the UTC date of `timestamp`.
Tc3Signature SignTc3(const Tc3Request& request);

class TencentSms : public Channel {
  public:
    TencentSms(SmsSettings settings, std::function<std::int64_t()> now);
    DeliveryOutcome Deliver(const OutboxMessage& message) override;

  private:
    SmsSettings settings_;
    std::function<std::int64_t()> now_;
};

// POSTs {"id","to","text"} to --sms-url with "Authorization: Bearer <AFTERCARE_SMS_SECRET_KEY>" when
// set; any 2xx is success.
class HttpSmsGateway : public Channel {
  public:
    explicit HttpSmsGateway(SmsSettings settings);
    DeliveryOutcome Deliver(const OutboxMessage& message) override;

  private:
    SmsSettings settings_;
};

}  // namespace aftercare::serve::outbound

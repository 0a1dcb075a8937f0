// The outbound building blocks in-process: templates (every one, both languages, SMS length), the
// Tencent Cloud TC3-HMAC-SHA256 signature against Tencent's documented example, webhook signatures,
// MIME encoding, retry backoff, SMS quiet hours and phone masking.
#include <catch2/catch.hpp>
#include <sodium.h>

#include "outbound/mime.hpp"
#include "outbound/outbox_sender.hpp"
#include "outbound/templates.hpp"
#include "outbound/tencent_sms.hpp"
#include "outbound/webhook_signer.hpp"

using namespace aftercare::serve::outbound;

namespace {

std::string NotificationsDir() { return std::string(AFTERCARE_SOURCE_DIR) + "/assets/notifications"; }

// The longest values the placeholders take in an SMS: a 14-character service number, the tracking
// link on a 40-character origin, a 10-character engineer name, the longest visit window label.
Placeholders LongestValues(const std::string& language) {
    const bool en = language == "en";
    return {
        {"service_number", "R7KX-4M9Q-P2HC"},
        {"tracking_link", "https://service.example-vendor.com.cn/#/track/R7KX-4M9Q-P2HC"},
        {"engineer", en ? "Li Jianguo" : "李建国工程师"},
        {"visit_window", en ? "2026-12-03 Afternoon 13:00-18:00" : "2026-12-03 下午 13:00–18:00"},
        {"level", en ? "General manager" : "总经理督办"},
        {"amount", "¥10000000.00"},
        {"basis", en ? "The warranty ended on 2022-03-10; a paid repair is available. Out of warranty: parts at cost, no "
                       "service or labour charge"
                     : "保修期已于 2022-03-10 结束，可付费维修。保修期外，原厂备件只收成本费，免收服务及人工费"},
    };
}

}  // namespace

TEST_CASE("every notification exists in zh-CN and en, renders without a leftover placeholder, and its SMS fits two segments",
          "[outbound][templates]") {
    Templates templates;
    std::string error;
    REQUIRE(templates.Load(NotificationsDir(), error));
    const auto names = templates.Names();
    // The moments the standard names, and the managers' escalation notice.
    for (const char* required : {"ticket_received", "ticket_accepted", "engineer_assigned", "engineer_departed", "visit_rescheduled",
                                 "waiting_reply", "ticket_resolved", "rating_invitation", "complaint_answered", "return_steps",
                                 "escalation_notice", "quality_incident", "quote_issued"})
        CHECK(std::find(names.begin(), names.end(), required) != names.end());
    for (const auto& name : names) {
        for (const char* language : kLanguages) {
            const Template* text = templates.Find(name, language);
            REQUIRE(text != nullptr);
            const std::string sms = Render(text->sms, LongestValues(language));
            INFO(name << " " << language << " SMS: " << sms);
            CHECK(sms.find('{') == std::string::npos);  // an SMS uses only the placeholders measured here
            CHECK(SmsSegments(sms) <= 2);
            CHECK(!text->subject.empty());
            CHECK(!text->body.empty());
        }
    }
}

TEST_CASE("SMS segments: GSM-7 160/153, UCS-2 70/67", "[outbound][templates]") {
    CHECK(SmsSegments(std::string(160, 'a')) == 1);
    CHECK(SmsSegments(std::string(161, 'a')) == 2);
    CHECK(SmsSegments(std::string(306, 'a')) == 2);
    CHECK(SmsSegments(std::string(307, 'a')) == 3);
    std::string zh;
    for (int i = 0; i < 70; ++i) zh += "中";
    CHECK(SmsSegments(zh) == 1);
    CHECK(SmsSegments(zh + "a") == 2);  // one Chinese character makes the whole text UCS-2
    std::string zh134;
    for (int i = 0; i < 134; ++i) zh134 += "中";
    CHECK(SmsSegments(zh134) == 2);
    CHECK(SmsSegments(zh134 + "中") == 3);
    CHECK(SmsSegments("{}") == 1);  // GSM extension characters count double but are still GSM-7
}

TEST_CASE("templates: parse errors name the problem, placeholders render", "[outbound][templates]") {
    Template t;
    std::string error;
    CHECK(!ParseTemplate("subject: x\n---\nbody", t, error));
    CHECK(ParseTemplate("subject: Hi {name}\nsms: {name}!\n---\nDear {name}, {unknown}\n", t, error));
    CHECK(Render(t.body, {{"name", "Ann"}}) == "Dear Ann, {unknown}\n");
}

TEST_CASE("TC3-HMAC-SHA256 reproduces Tencent Cloud's documented example signature", "[outbound][sms]") {
    // 签名方法 v3 (https://www.tencentcloud.com/document/api/1021/34193): CVM DescribeInstances, with
    // these inputs, documents each intermediate value and the final signature.
    Tc3Request request;
    request.secret_id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    request.secret_key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    request.service = "cvm";
    request.host = "cvm.tencentcloudapi.com";
    request.payload = R"({"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]})";
    request.timestamp = 1551113065;
    const Tc3Signature signature = SignTc3(request);
    CHECK(signature.hashed_payload == "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    CHECK(signature.canonical_request ==
          "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
          "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    CHECK(signature.string_to_sign ==
          "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
          "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    CHECK(signature.signature == "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    CHECK(signature.authorization ==
          "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
          "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
}

TEST_CASE("webhook signatures: HMAC-SHA256 of <t>.<body>, both secrets while rotating", "[outbound][webhook]") {
    REQUIRE(sodium_init() >= 0);
    // RFC 4231 test case 2: key "Jefe".
    CHECK(HmacSha256Hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const std::string body = R"({"id":"x"})";
    CHECK(SignatureHeader(1700000000, body, "new", "") == "t=1700000000,v1=" + HmacSha256Hex("new", "1700000000." + body));
    CHECK(SignatureHeader(1700000000, body, "new", "old") ==
          "t=1700000000,v1=" + HmacSha256Hex("new", "1700000000." + body) + ",v1=" +
              HmacSha256Hex("old", "1700000000." + body));
    CHECK(NewWebhookSecret() != NewWebhookSecret());
}

TEST_CASE("MIME: RFC 2047 subject words, base64 body, no header injection", "[outbound][email]") {
    CHECK(EncodeHeaderWord("Plain subject") == "Plain subject");
    const std::string encoded = EncodeHeaderWord("已收到您的售后工单 R7KX-4M9Q-P2HC，我们会尽快处理，请保存服务编号");
    CHECK(encoded.rfind("=?UTF-8?B?", 0) == 0);
    for (std::size_t start = 0; start < encoded.size();) {  // every encoded word within 75 characters
        const auto end = encoded.find("\r\n ", start);
        CHECK((end == std::string::npos ? encoded.size() : end) - start <= 75);
        if (end == std::string::npos) break;
        start = end + 3;
    }
    CHECK(RfcDate(1551113065) == "Mon, 25 Feb 2019 16:44:25 +0000");
    Email email;
    email.from = "service@vendor.example";
    email.to = "a@b.example\r\nBcc: evil@x.example";
    email.subject = "Hi\r\nBcc: evil@x.example";
    email.body = "line 1\nline 2\n";
    email.message_id = "0b8a";
    email.date = 1551113065;
    const std::string text = BuildEmail(email);
    CHECK(text.find("\r\nBcc:") == std::string::npos);
    CHECK(text.find("Message-ID: <0b8a@vendor.example>\r\n") != std::string::npos);
    CHECK(text.find("Content-Transfer-Encoding: base64\r\n") != std::string::npos);
}

TEST_CASE("retry backoff: exponential ceiling, full jitter, capped", "[outbound][sender]") {
    CHECK(RetryDelay(1, 30, 3600, 0.999) == 29);
    CHECK(RetryDelay(2, 30, 3600, 0.999) == 59);
    CHECK(RetryDelay(4, 30, 3600, 0.5) == 120);
    CHECK(RetryDelay(20, 30, 3600, 0.999) == 3596);  // the cap
    CHECK(RetryDelay(3, 30, 3600, 0.0) == 1);        // never zero: no busy retry
}

TEST_CASE("SMS quiet hours 22:00-08:00 on the vendor's clock", "[outbound][sms]") {
    // 2026-12-03 00:00 UTC = 08:00 in China (UTC+8).
    const std::int64_t midnight_utc = 1796256000;
    CHECK(QuietUntil(midnight_utc, 480, 22, 8) == 0);                           // 08:00 local: allowed
    CHECK(QuietUntil(midnight_utc - 60, 480, 22, 8) == midnight_utc);           // 07:59 local: wait to 08:00
    CHECK(QuietUntil(midnight_utc + 14 * 3600, 480, 22, 8) == midnight_utc + 24 * 3600);  // 22:00 local
    CHECK(QuietUntil(midnight_utc + 13 * 3600, 480, 22, 8) == 0);               // 21:00 local
}

TEST_CASE("phone numbers are masked in logs", "[outbound][sms]") {
    CHECK(MaskPhone("+8613800138000") == "+86138****8000");
    CHECK(MaskPhone("13800138000") == "138****8000");
    CHECK(MaskPhone("12345") == "*****");
}

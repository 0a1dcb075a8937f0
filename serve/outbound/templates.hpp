// Notification templates: one file per message and language under assets/notifications/<lang>/,
// with {placeholders}. A file holds the e-mail subject, the SMS text and the e-mail body:
//
//   subject: 已收到您的工单 {service_number}
//   sms: 已收到您的工单{service_number}，进度：{tracking_link}
//   ---
//   (e-mail body, any number of lines)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::serve::outbound {

inline constexpr const char* kLanguages[] = {"zh-CN", "en"};

struct Template {
    std::string subject;
    std::string sms;
    std::string body;
};

using Placeholders = std::map<std::string, std::string>;

// Replaces every {name} with its value; an unknown {name} is left as it is (and found by the tests).
std::string Render(std::string_view text, const Placeholders& values);

// Parses one template file's text; false (with `error`) when a part is missing.
bool ParseTemplate(std::string_view text, Template& out, std::string& error);

// SMS segments the text needs: GSM-7 text fits 160 characters in one segment and 153 per segment
// when concatenated; anything else is sent as UCS-2 (70, then 67 per segment).
int SmsSegments(std::string_view utf8);

class Templates {
  public:
    // Reads every <dir>/<lang>/<name>.txt; every message must exist in every language.
    bool Load(const std::string& dir, std::string& error);
    // nullopt when `name` is unknown; an unknown language falls back to zh-CN.
    const Template* Find(const std::string& name, const std::string& language) const;
    std::vector<std::string> Names() const;

  private:
    std::map<std::string, std::map<std::string, Template>> by_language_;  // language -> name -> template
};

}  // namespace aftercare::serve::outbound

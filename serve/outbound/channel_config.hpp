// The e-mail and SMS channels in force. The server's flags and environment configure a channel for
// good: a deployment's own configuration stays the truth, and the admin screen shows it read-only.
// A channel they leave unset takes what an admin saved on the admin screen, kept in the store so
// restarts and every instance use it. Readers take a snapshot; a save replaces it whole, so no
// message goes out on half a change.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "outbound/delivery.hpp"
#include "outbound/settings.hpp"

namespace aftercare::serve::outbound {

// The store's meta key of the admin's saved channels (JSON, secrets included: the store already
// holds the webhook secrets and is protected like them).
inline constexpr const char* kChannelsMetaKey = "outbound.channels";

struct Channels {
    SmtpSettings smtp;
    SmsSettings sms;
    bool smtp_from_server = false;
    bool sms_from_server = false;
    std::uint64_t version = 0;  // changes with every replacement: senders rebuild their adapters

    bool EmailEnabled() const { return !smtp.url.empty(); }
    bool SmsEnabled() const { return !sms.provider.empty(); }
};

// One thing wrong with a channel's settings: the field (as the admin screen names it) and why, in
// both languages. The server's flags report the English text at start.
struct ChannelProblem {
    std::string field;
    std::string zh;
    std::string en;
};
std::vector<ChannelProblem> CheckSmtp(const SmtpSettings& smtp);
std::vector<ChannelProblem> CheckSms(const SmsSettings& sms);

// The saved form of both channels, and back. Parsing never throws: a value that does not load is
// reported and ignored (the channels stay as they were).
std::string SavedChannelsText(const SmtpSettings& smtp, const SmsSettings& sms);
bool ParseSavedChannels(const std::string& text, SmtpSettings& smtp, SmsSettings& sms);

class ChannelConfig {
  public:
    ChannelConfig(SmtpSettings server_smtp, SmsSettings server_sms);

    std::shared_ptr<const Channels> Current() const;
    // What an admin saved (from the store); a channel the server set is kept as it is.
    void ApplySaved(const SmtpSettings& smtp, const SmsSettings& sms);
    // Re-reads kChannelsMetaKey's value: after a save here or on another instance. A value that
    // does not load leaves the channels as they were and says why in `error`.
    bool ApplySavedText(const std::optional<std::string>& text, std::string& error);

  private:
    const SmtpSettings server_smtp_;
    const SmsSettings server_sms_;
    mutable std::mutex mutex_;
    std::shared_ptr<const Channels> current_;
};

// The adapters of a snapshot's channels; null when the channel is off.
std::unique_ptr<Channel> MakeEmailChannel(const Channels& channels, const std::string& public_url);
std::unique_ptr<Channel> MakeSmsChannel(const Channels& channels, std::function<std::int64_t()> now);

}  // namespace aftercare::serve::outbound

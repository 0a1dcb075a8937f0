// The test SMTP sink and mail reading; see mail_sink.hpp.
#include "mail_sink.hpp"

#include <signal.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace aftercare::test {

namespace fs = std::filesystem;

SmtpSink::SmtpSink() {
    const std::string script = SourcePath("tests/api/smtp_sink.py");
    const std::string directory = dir_.path();
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        execl("/usr/bin/python3", "python3", script.c_str(), directory.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (!fs::exists(dir_.path() + "/port") && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(dir_.path() + "/port");
    in >> port_;
    if (port_ <= 0) throw std::runtime_error("the SMTP sink did not start (python3-aiosmtpd installed?)");
}

SmtpSink::~SmtpSink() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
}

std::vector<std::string> SmtpSink::Messages() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_.path()))
        if (entry.path().extension() == ".eml") names.push_back(entry.path().string());
    std::sort(names.begin(), names.end());
    std::vector<std::string> messages;
    for (const auto& name : names) {
        std::ifstream in(name, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        messages.push_back(text.str());
    }
    return messages;
}

std::string Base64Decode(const std::string& text) {
    std::string clean;
    for (char c : text)
        if (c != '\r' && c != '\n' && c != ' ') clean += c;
    std::string out(clean.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), clean.c_str(),
                          clean.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return {};
    out.resize(length);
    return out;
}


// Reads back what BuildEmail wrote: RFC 2047 B-words in the subject, a base64 body.
Mail Parse(const std::string& raw) {
    Mail mail;
    const auto split = raw.find("\r\n\r\n");
    mail.headers = raw.substr(0, split);
    mail.body = Base64Decode(raw.substr(split + 4));
    std::istringstream lines(mail.headers);
    std::string line;
    bool in_subject = false;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("Subject: ", 0) == 0) {
            in_subject = true;
            line = line.substr(9);
        } else if (in_subject && !line.empty() && line[0] == ' ') {
            line = line.substr(1);
        } else {
            in_subject = false;
            continue;
        }
        if (line.rfind("=?UTF-8?B?", 0) == 0)
            mail.subject += Base64Decode(line.substr(10, line.size() - 12));
        else
            mail.subject += line;
    }
    return mail;
}

// Waits until a received mail satisfies `match`; returns it.
std::optional<Mail> WaitForMail(const SmtpSink& sink, const std::function<bool(const Mail&)>& match) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < deadline) {
        for (const auto& raw : sink.Messages()) {
            Mail mail = Parse(raw);
            if (match(mail)) return mail;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

} // namespace aftercare::test

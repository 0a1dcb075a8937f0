// Child-process harness for the API tests.
#include "server_process.hpp"

#include "contract_check.hpp"
#include "pg_test_db.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace aftercare::test {
namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Environment of the child: ours minus any AFTERCARE_* (a developer's shell must not leak in),
// plus `extra`.
std::vector<std::string> ChildEnvironment(const std::map<std::string, std::string>& extra) {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string text = *entry;
        if (text.rfind("AFTERCARE_", 0) == 0) continue;
        env.push_back(text);
    }
    for (const auto& [key, value] : extra) env.push_back(key + "=" + value);
    return env;
}

int WaitExit(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// Runs a command with `input` on stdin; returns (status, stdout).
std::pair<int, std::string> RunWithInput(std::vector<std::string> args, const std::string& input) {
    int in_pipe[2], out_pipe[2];
    if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&actions, in_pipe[1]);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    auto argv = CStrings(args);
    // A command on a data dir works on that data dir's database when the suite runs on PostgreSQL.
    std::map<std::string, std::string> extra;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--data-dir" && TestingOnPostgres()) extra["AFTERCARE_DATABASE"] = TestDatabaseFor(args[i + 1]);
    auto env_strings = ChildEnvironment(extra);
    auto envp = CStrings(env_strings);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in_pipe[0]);
    close(out_pipe[1]);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
    if (!input.empty()) {
        ssize_t written = write(in_pipe[1], input.data(), input.size());
        (void)written;
    }
    close(in_pipe[1]);
    std::string output;
    char buffer[4096];
    ssize_t n;
    while ((n = read(out_pipe[0], buffer, sizeof buffer)) > 0) output.append(buffer, static_cast<std::size_t>(n));
    close(out_pipe[0]);
    return {WaitExit(pid), output};
}

}  // namespace

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "aftercare-api-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    DropTestDatabase(path_);
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string SourcePath(const std::string& relative) { return std::string(AFTERCARE_SOURCE_DIR) + "/" + relative; }
std::string ServerBinary() { return AFTERCARE_SERVER_BINARY; }

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
    std::vector<std::string> args = {ServerBinary(),
                                     "--port", "0",
                                     "--bind", "127.0.0.1",
                                     "--data-dir", options_.data_dir,
                                     "--policy", SourcePath("assets/policy.json"),
                                     "--demo-dir", SourcePath("assets/demo"),
                                     "--faq-dir", SourcePath("assets/faq"),
                                     "--notifications-dir", SourcePath("assets/notifications"),
                                     "--calendar-dir", SourcePath("assets/calendar"),
                                     "--threads", "16"};
    if (options_.generous_limits) {
        for (const char* flag :
             {"--rate-lookup", "--rate-create", "--rate-login", "--rate-lookup-failures", "--rate-reveal"}) {
            args.push_back(flag);
            args.push_back("100000");
        }
    }
    if (options_.seed_demo) {
        args.push_back("--seed-demo");
        args.push_back("true");
    }
    for (const auto& arg : options_.args) args.push_back(arg);

    log_path_ = options_.data_dir + "/server-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".log";
    int out_pipe[2];
    if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
    auto argv = CStrings(args);
    auto env = options_.env;
    env.emplace("AFTERCARE_METRICS_TOKEN", kMetricsToken);
    if (TestingOnPostgres()) env.emplace("AFTERCARE_DATABASE", TestDatabaseFor(options_.data_dir));
    // An empty AFTERCARE_DATABASE in the options: this server stays on SQLite even in the api-pg run.
    if (auto it = env.find("AFTERCARE_DATABASE"); it != env.end() && it->second.empty()) env.erase(it);
    auto env_strings = ChildEnvironment(env);
    auto envp = CStrings(env_strings);
    const int log_fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t parent = getpid();
    // fork + exec rather than posix_spawn, for PR_SET_PDEATHSIG: if this test process crashes, its
    // servers die with it instead of lingering. Only async-signal-safe calls between fork and exec.
    pid_ = fork();
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        dup2(null_fd, 0);
        dup2(out_pipe[1], 1);
        dup2(log_fd, 2);
        close(out_pipe[0]);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(log_fd);
    close(null_fd);
    if (pid_ < 0) {
        close(out_pipe[0]);
        throw std::runtime_error("cannot start the server binary " + ServerBinary());
    }

    // The contract: exactly one line "Aftercare portal: http://<bind>:<port>/" once listening.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd fd{out_pipe[0], POLLIN, 0};
        if (poll(&fd, 1, 100) <= 0) continue;
        char buffer[256];
        const ssize_t n = read(out_pipe[0], buffer, sizeof buffer);
        if (n <= 0) break;
        line.append(buffer, static_cast<std::size_t>(n));
    }
    close(out_pipe[0]);
    const std::string prefix = "Aftercare portal: http://127.0.0.1:";
    if (line.rfind(prefix, 0) != 0) {
        kill(pid_, SIGKILL);
        WaitExit(pid_);
        pid_ = -1;
        throw std::runtime_error("server did not start; stdout: " + line + "\nlog:\n" + Log());
    }
    port_ = std::atoi(line.c_str() + prefix.size());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) StopWith(SIGTERM);
    // Answers checked on helper threads are reported here at the latest (not while unwinding).
    if (std::uncaught_exceptions() == 0) ReportContractProblems();
}

int ServerProcess::StopWith(int signal) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    // Give a clean stop time, then force it so a hung server cannot hang the suite. A clean stop
    // can take up to httplib's keep-alive timeout (5 s): a worker waiting on an idle keep-alive
    // connection only notices the stop when that wait ends.
    for (int i = 0; i < 300; ++i) {
        int status = 0;
        const pid_t done = waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            pid_ = -1;
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    const int status = WaitExit(pid_);
    pid_ = -1;
    return status == 128 + SIGKILL ? -2 : status;  // -2: had to be killed
}

std::string ServerProcess::Log() const {
    std::ifstream in(log_path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string ServerProcess::LogWithRequestsSoFar() const {
    // Its own path, so its line is this call's; lines are written in the order they were answered.
    static std::atomic<int> calls{0};
    const std::string marker = "/api/v1/log-marker-" + std::to_string(pid_) + "-" + std::to_string(++calls);
    httplib::Client client("127.0.0.1", port_);  // an unknown path: not an answer to check against the contract
    const auto answer = client.Get(marker);
    if (!answer || answer->status != 404) throw std::runtime_error("the log marker request failed");
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        std::string log = Log();
        if (log.find("\"path\":\"" + marker + "\"") != std::string::npos) return log;
        if (std::chrono::steady_clock::now() > give_up)
            throw std::runtime_error("the request log never showed " + marker);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

httplib::Client ServerProcess::Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    // Every answer of every API test is also checked against the served OpenAPI document.
    CheckAnswersAgainstContract(client, port_);
    return client;
}

httplib::Client ServerProcess::ClientFrom(const std::string& source_address) const {
    httplib::Client client = Client();
    // httplib binds the socket to this address when it names no network interface.
    client.set_interface(source_address);
    return client;
}

int CreateAdmin(const std::string& data_dir, const std::string& username, const std::string& password,
                std::string* output) {
    auto [status, out] =
        RunWithInput({ServerBinary(), "create-admin", "--data-dir", data_dir, "--username", username}, password + "\n");
    if (output) *output = out;
    return status;
}

std::pair<int, std::string> RunServerCommand(const std::vector<std::string>& args) {
    std::vector<std::string> full = {ServerBinary()};
    full.insert(full.end(), args.begin(), args.end());
    return RunWithInput(full, "");
}

httplib::Result GetJson(httplib::Client& client, const std::string& path, const std::string& token,
                        const httplib::Headers& extra) {
    httplib::Headers headers = extra;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Get(path.c_str(), headers);
}

httplib::Result GetMetrics(httplib::Client& client) { return GetJson(client, "/metrics", kMetricsToken); }

httplib::Result PostJson(httplib::Client& client, const std::string& path, const Json& body, const std::string& token,
                         const httplib::Headers& extra) {
    httplib::Headers headers = extra;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Post(path.c_str(), headers, body.dump(), "application/json");
}

Json BodyOf(const httplib::Result& result) {
    if (!result) throw std::runtime_error("no HTTP response");
    return Json::parse(result->body);
}

Json ServiceReportWork() {
    return {{"kind", "service_report"},
            {"report",
             {{"diagnosis", "电源板电容鼓包"}, {"cause", "product_defect"}, {"actions", "更换电源板，试机正常"},
              {"labour_minutes", 40}, {"outcome", "repaired"}}}};
}

Json RepairDraft(const std::string& phone, const std::string& subject) {
    return Json{{"kind", "repair"},
                {"priority", "general"},
                {"customer", {{"name", "测试用户"}, {"phone", phone}}},
                {"product", {{"model", "康复理疗仪 KF-200"}, {"serial", "KF200-2401-0123"}}},
                {"subject", subject},
                {"description", "插上电源后指示灯不亮。"}};
}

std::string DayInBeijing(int days) {
    const std::time_t day = std::time(nullptr) + 8 * 3600 + static_cast<std::time_t>(days) * 86400;
    std::tm utc{};
    gmtime_r(&day, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

Json CreateTicket(httplib::Client& client, const Json& draft, const std::string& idempotency_key) {
    httplib::Headers headers;
    if (!idempotency_key.empty()) headers.emplace("Idempotency-Key", idempotency_key);
    auto result = PostJson(client, "/api/v1/tickets", draft, {}, headers);
    if (!result || result->status != 201)
        throw std::runtime_error("create failed: " + (result ? std::to_string(result->status) + " " + result->body
                                                              : std::string("no response")));
    return Json::parse(result->body);
}

std::string StaffLogin(httplib::Client& client, const std::string& username, const std::string& password) {
    auto result = PostJson(client, "/api/v1/staff/login", {{"username", username}, {"password", password}});
    if (!result || result->status != 200) throw std::runtime_error("login failed");
    return Json::parse(result->body)["access_token"].get<std::string>();
}

std::string NewStaffLogin(httplib::Client& client, const std::string& admin_token, const std::string& username,
                          const std::string& display_name, const std::string& role) {
    const std::string password = "password-for-" + username;
    auto result = PostJson(client, "/api/v1/staff/members",
                           {{"username", username}, {"display_name", display_name}, {"roles", {role}}, {"password", password}},
                           admin_token);
    if (!result || result->status != 201)
        throw std::runtime_error("creating " + username + " failed: " +
                                 (result ? std::to_string(result->status) + " " + result->body : std::string("no response")));
    return StaffLogin(client, username, password);
}

std::vector<std::string> CsvLines(const std::string& csv) {
    static const std::string kBom = "\xEF\xBB\xBF";
    std::istringstream in(csv.rfind(kBom, 0) == 0 ? csv.substr(kBom.size()) : csv);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string DemoNumber(httplib::Client& client, const std::string& staff_token, const std::string& state) {
    auto result = GetJson(client, "/api/v1/staff/queue?state=" + state, staff_token);
    const Json body = BodyOf(result);
    if (!body.contains("items") || body["items"].empty()) throw std::runtime_error("no demo ticket in " + state);
    return body["items"][0]["service_number"].get<std::string>();
}

}  // namespace aftercare::test

namespace aftercare::test {

Running::Running(ServerOptions options, bool with_admin) {
    if (with_admin && CreateAdmin(dir.path(), kAdminUser, kAdminPassword) != 0)
        throw std::runtime_error("create-admin failed");
    options.data_dir = dir.path();
    server = std::make_unique<ServerProcess>(options);
    client = std::make_unique<httplib::Client>(server->Client());
    if (with_admin) staff_token = StaffLogin(*client, kAdminUser, kAdminPassword);
}

}  // namespace aftercare::test

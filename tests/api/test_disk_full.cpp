// A full disk under group commit (issue #14, finding 14): when SQLite aborts a batch's transaction
// (SQLITE_FULL), no write in that batch may be stored while reported as failed, nor reported as
// stored while lost. The data directory is a small tmpfs this test mounts (the suite runs as root);
// without the privilege to mount, the test says so and checks nothing.
#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <atomic>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// A tmpfs of `size` mounted on a fresh directory, unmounted again at the end.
class SmallDisk {
public:
    explicit SmallDisk(const std::string& size) {
        const std::string options = "size=" + size + ",mode=0700";
        mounted_ = ::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }
    const std::string& path() const { return dir_.path(); }

private:
    TempDir dir_;
    bool mounted_ = false;
};

std::string Png(std::size_t bytes) { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(bytes - 8, 'p'); }

}  // namespace

// [sqlite-only]: the data directory is the tmpfs; a PostgreSQL server's disk is not this test's to fill.
TEST_CASE("full disk: every acknowledged upload is stored, and no refused one is", "[durability][security][sqlite-only]") {
    SmallDisk disk("3m");
    if (!disk.mounted()) {
        WARN("skipped: cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN)");
        return;
    }
    ServerOptions options{disk.path(), {"--storage-quota-mb", "0", "--storage-per-address-mb", "0"}};
    options.seed_demo = false;
    ServerProcess server(options);
    auto client = server.Client();

    constexpr int kTickets = 12;
    std::vector<Json> tickets;
    for (int i = 0; i < kTickets; ++i) tickets.push_back(CreateTicket(client, RepairDraft()));

    // Concurrent uploads, so the writer batches several into one transaction, until the disk is full.
    std::vector<int> acknowledged(kTickets, 0);
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kTickets; ++i) {
        threads.emplace_back([&, i] {
            auto own = server.Client();
            const Json& ticket = tickets[static_cast<std::size_t>(i)];
            httplib::Headers headers = {{"Authorization", "Bearer " + ticket["access_token"].get<std::string>()},
                                        {"X-File-Name", "photo.png"}};
            const std::string path = "/api/v1/tickets/" + ticket["service_number"].get<std::string>() + "/attachments";
            for (int k = 0; k < 5; ++k) {
                auto result = own.Post(path.c_str(), headers, Png(160 * 1024), "image/png");
                if (result && result->status == 201) ++acknowledged[static_cast<std::size_t>(i)];
                else ++refused;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    REQUIRE(refused > 0);  // the disk did fill up

    // What each ticket holds is exactly what was acknowledged for it.
    for (int i = 0; i < kTickets; ++i) {
        const Json& ticket = tickets[static_cast<std::size_t>(i)];
        auto view = GetJson(client, "/api/v1/tickets/" + ticket["service_number"].get<std::string>(),
                            ticket["access_token"].get<std::string>());
        REQUIRE(view);
        REQUIRE(view->status == 200);
        INFO("ticket " << i);
        CHECK(BodyOf(view)["attachments"].size() == static_cast<std::size_t>(acknowledged[static_cast<std::size_t>(i)]));
    }
}

// Catch2 entry point of the API test suite.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char* argv[]) {
    // The server refuses an oversized upload after its header and closes the connection while the
    // client may still be writing; a real client sees a failed write (EPIPE), not a signal that ends it.
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}

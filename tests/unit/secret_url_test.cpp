// Where a secret may be sent: the loopback test behind STARTTLS-or-not for SMTP passwords, and the
// address rule for webhook endpoints and SMS gateways (their signatures and Bearer tokens).
#include "outbound/smtp_mailer.hpp"

#include <catch2/catch.hpp>

using aftercare::serve::outbound::IsLoopbackUrl;
using aftercare::serve::outbound::IsSecretSafeHttpUrl;

TEST_CASE("loopback means this machine, not a name or user info that looks like it", "[outbound][url]") {
    CHECK(IsLoopbackUrl("smtp://127.0.0.1:25"));
    CHECK(IsLoopbackUrl("http://127.1.2.3/x"));
    CHECK(IsLoopbackUrl("http://localhost:8080/x"));
    CHECK(IsLoopbackUrl("http://[::1]:9/x"));
    CHECK_FALSE(IsLoopbackUrl("smtp://127.0.0.1@mail.example.com:25"));  // user "127.0.0.1" at a remote host
    CHECK_FALSE(IsLoopbackUrl("http://127.example.com/x"));
    CHECK_FALSE(IsLoopbackUrl("http://localhost.example.com/x"));
    CHECK(IsLoopbackUrl("smtp://user@127.0.0.1:25"));
}

TEST_CASE("a secret goes over https, or over http only to this machine", "[outbound][url]") {
    CHECK(IsSecretSafeHttpUrl("https://gw.example.com/send"));
    CHECK(IsSecretSafeHttpUrl("http://127.0.0.1:8080/hook"));
    CHECK(IsSecretSafeHttpUrl("http://localhost/hook"));
    CHECK_FALSE(IsSecretSafeHttpUrl("http://gw.example.com/send"));
    CHECK_FALSE(IsSecretSafeHttpUrl("http://127.0.0.1@gw.example.com/send"));
    CHECK_FALSE(IsSecretSafeHttpUrl("https://user:pass@gw.example.com/send"));
    CHECK_FALSE(IsSecretSafeHttpUrl("http://localhost.example.com/hook"));
    CHECK_FALSE(IsSecretSafeHttpUrl("https://gw.example.com/send me"));
    CHECK_FALSE(IsSecretSafeHttpUrl("ftp://gw.example.com/"));
    CHECK_FALSE(IsSecretSafeHttpUrl("https://gw.example.com/" + std::string(2000, 'a')));
}

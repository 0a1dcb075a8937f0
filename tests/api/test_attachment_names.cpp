// Attachment names (issue #14, finding 2): the saved name carries the extension of the type the
// bytes were recognised as, and characters that disguise a name on screen are gone.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kPdf = "%PDF-1.7\n%%EOF\n";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(32, '\0');

// Uploads `bytes` as `encoded_name` (already percent-encoded); returns the stored name.
std::string UploadedName(httplib::Client& client, const Json& ticket, const std::string& bytes,
                         const std::string& encoded_name) {
    const std::string number = ticket["service_number"].get<std::string>();
    httplib::Headers headers = {{"Authorization", "Bearer " + ticket["access_token"].get<std::string>()},
                                {"X-File-Name", encoded_name}};
    auto result = client.Post(("/api/v1/tickets/" + number + "/attachments").c_str(), headers, bytes,
                              "application/octet-stream");
    REQUIRE(result);
    REQUIRE(result->status == 201);
    return BodyOf(result)["file_name"].get<std::string>();
}

}  // namespace

TEST_CASE("attachment names: the extension follows the recognised type", "[attachments][security]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    const Json ticket = CreateTicket(client, RepairDraft());
    CHECK(UploadedName(client, ticket, kPdf, "invoice.html") == "invoice.pdf");
    CHECK(UploadedName(client, ticket, kPdf, "receipt.hta") == "receipt.pdf");
    CHECK(UploadedName(client, ticket, kPdf, "%E5%8F%91%E7%A5%A8") == "发票.pdf");  // no extension at all
    CHECK(UploadedName(client, ticket, kJpeg, "IMG_0001.JPG") == "IMG_0001.JPG");  // a right one is kept
    CHECK(UploadedName(client, ticket, kJpeg, "photo.jpeg.exe") == "photo.jpeg.jpg");

    // The download sends the same name in both Content-Disposition forms.
    const std::string number = ticket["service_number"].get<std::string>();
    const std::string token = ticket["access_token"].get<std::string>();
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    std::string url;
    for (const auto& attachment : view["attachments"])
        if (attachment["file_name"] == "invoice.pdf") url = attachment["url"].get<std::string>();
    REQUIRE_FALSE(url.empty());
    auto download = GetJson(client, url, token);
    REQUIRE(download->status == 200);
    CHECK(download->get_header_value("Content-Disposition") ==
          "attachment; filename=\"invoice.pdf\"; filename*=UTF-8''invoice.pdf");
}

TEST_CASE("attachment names: bidi overrides and other invisible format characters are stripped",
          "[attachments][security]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    const Json ticket = CreateTicket(client, RepairDraft());
    // "invoice" RLO "fdp.exe": shown as "invoiceexe.pdf" by a bidi-aware renderer.
    CHECK(UploadedName(client, ticket, kPdf, "invoice%E2%80%AEfdp.exe") == "invoicefdp.pdf");
    // Zero-width space, LRI/PDI isolates, a BOM, a soft hyphen and a C1 control.
    CHECK(UploadedName(client, ticket, kPdf, "a%E2%80%8Bb%E2%81%A6c%E2%81%A9d%EF%BB%BFe%C2%ADf%C2%85g.pdf") ==
          "abcdefg.pdf");
    // Only format characters: a neutral name, not an empty one.
    CHECK(UploadedName(client, ticket, kPdf, "%E2%80%AE%E2%80%AE.pdf") == "attachment.pdf");
}

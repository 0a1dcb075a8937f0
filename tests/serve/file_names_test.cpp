// Attachment names in-process (finding 2): extension forced to the recognised type, format
// characters stripped, percent-decoding total on any input.
#include <catch2/catch.hpp>

#include "file_names.hpp"

using aftercare::serve::AttachmentDisposition;
using aftercare::serve::PercentDecode;
using aftercare::serve::SanitizeFileName;

TEST_CASE("file names: the extension is the recognised type's", "[files][security]") {
    CHECK(SanitizeFileName("invoice.html", "application/pdf") == "invoice.pdf");
    CHECK(SanitizeFileName("receipt.hta", "application/pdf") == "receipt.pdf");
    CHECK(SanitizeFileName("scan.PDF", "application/pdf") == "scan.PDF");
    CHECK(SanitizeFileName("photo.jpeg", "image/jpeg") == "photo.jpeg");
    CHECK(SanitizeFileName("photo.png", "image/jpeg") == "photo.jpg");
    CHECK(SanitizeFileName("noext", "image/webp") == "noext.webp");
    CHECK(SanitizeFileName("", "image/png") == "attachment.png");
    CHECK(SanitizeFileName("...", "image/png") == "attachment.png");
    CHECK(SanitizeFileName(".htaccess", "image/png") == "attachment.png");
    CHECK(SanitizeFileName(".pdf", "application/pdf") == "attachment.pdf");
    CHECK(SanitizeFileName("C:\\\\Users\\\\x\\\\evil.svg", "image/png") == "evil.png");
    CHECK(SanitizeFileName("../../etc/passwd", "application/pdf") == "passwd.pdf");
}

TEST_CASE("file names: bidi, zero-width, tags and controls are removed — length is bounded", "[files][security]") {
    CHECK(SanitizeFileName("invoice\xE2\x80\xAE" "fdp.exe", "application/pdf") == "invoicefdp.pdf");
    CHECK(SanitizeFileName("a\xE2\x80\x8B" "b\xF3\xA0\x80\x81" "c\x07" "d\"e.pdf", "application/pdf") == "abcde.pdf");
    CHECK(SanitizeFileName("\xFF\xFEname.pdf", "application/pdf") == "name.pdf");  // invalid UTF-8: ASCII kept
    const std::string long_name = std::string(500, 'x') + ".pdf";
    const std::string clean = SanitizeFileName(long_name, "application/pdf");
    CHECK(clean.size() <= 120);
    CHECK(clean.substr(clean.size() - 4) == ".pdf");
}

TEST_CASE("percent-decoding and the disposition header", "[files]") {
    CHECK(PercentDecode("%E7%85%A7%E7%89%87.png") == "照片.png");
    CHECK(PercentDecode("100%") == "100%");
    CHECK(PercentDecode("%zz%4") == "%zz%4");
    CHECK(AttachmentDisposition("照片.png") ==
          "attachment; filename=\"______.png\"; filename*=UTF-8''%E7%85%A7%E7%89%87.png");
}

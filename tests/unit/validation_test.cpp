// Customer input checks: UTF-8, lengths in code points, phones, email, serials, drafts, attachments.
#include "test_support.h"

#include "core/service_number.h"
#include "core/utf8.h"
#include "core/validation.h"

using namespace aftercare::core;
using namespace aftercare::test;

TEST_CASE("strict UTF-8", "[validation][utf8]") {
    CHECK(IsValidUtf8("售后服务 after-sales 😀"));
    CHECK(CountCodePoints("售后服务😀") == 5u);
    CHECK_FALSE(IsValidUtf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(IsValidUtf8("\xE0\x80\xAF"));     // overlong
    CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));     // surrogate
    CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
    CHECK_FALSE(IsValidUtf8("\xE5\x94"));         // truncated
    CHECK_FALSE(IsValidUtf8("\x80"));             // lone continuation
    CHECK(HasControlCharacters("a\x01", false));
    CHECK(HasControlCharacters("a\nb", false));
    CHECK_FALSE(HasControlCharacters("a\nb\tc", true));
    CHECK(HasControlCharacters("a\xC2\x85", true)); // C1 NEL
}

TEST_CASE("text limits count code points, not bytes", "[validation]") {
    const std::string fifty_chinese = [] {
        std::string text;
        for (int index = 0; index < 50; ++index) text += "张";
        return text;
    }();
    CHECK_FALSE(CheckText("customer.name", fifty_chinese, 1, 50, false));
    const auto too_long = CheckText("customer.name", fifty_chinese + "张", 1, 50, false);
    REQUIRE(too_long);
    CHECK(too_long->code == "too_long");
    CHECK(too_long->field == "customer.name");
    CHECK(CheckText("subject", "   ", 1, 100, false)->code == "required");
    CHECK(CheckText("description", "坏了", 5, 2000, true)->code == "too_short");
    CHECK(CheckText("subject", "\xFF", 0, 100, false)->code == "invalid_utf8");
    CHECK(CheckText("subject", "a\nb", 0, 100, false)->code == "control_characters");
    CHECK_FALSE(CheckText("description", "第一行\n第二行", 1, 100, true));
}

TEST_CASE("mainland and international phone numbers", "[validation][phone]") {
    CHECK(NormalizePhone("13800138000").Value() == "+8613800138000");
    CHECK(NormalizePhone("138 0013 8000").Value() == "+8613800138000");
    CHECK(NormalizePhone("138-0013-8000").Value() == "+8613800138000");
    CHECK(NormalizePhone("+86 138 0013 8000").Value() == "+8613800138000");
    CHECK(NormalizePhone("0086-13800138000").Value() == "+8613800138000");
    CHECK(NormalizePhone("86 13800138000").Value() == "+8613800138000");
    CHECK(NormalizePhone("19912345678").Value() == "+8619912345678");
    CHECK(NormalizePhone("+44 20 7946 0958").Value() == "+442079460958");
    CHECK(NormalizePhone("+1 (415) 555-2671").Value() == "+14155552671");
    CHECK(NormalizePhone("00852 6123 4567").Value() == "+85261234567");

    for (const char* bad : {"12800138000", "1380013800", "138001380001", "+86 10 6552 9988", "+0123456789",
                            "+12345", "+1234567890123456", "abc", "138a0013800", "+"}) {
        INFO(bad);
        const auto result = NormalizePhone(bad, "customer.phone");
        REQUIRE_FALSE(result.Ok());
        CHECK(result.GetError().code == "invalid_phone");
        CHECK(result.GetError().field == "customer.phone");
    }
    CHECK(NormalizePhone("", "customer.phone").GetError().code == "required");
    CHECK(PhoneLast4Matches("+8613800138000", "8000"));
    CHECK_FALSE(PhoneLast4Matches("+8613800138000", "0138"));
    CHECK_FALSE(PhoneLast4Matches("+8613800138000", "800"));
}

TEST_CASE("email addresses", "[validation][email]") {
    CHECK(NormalizeEmail("zhang.san@Example.COM").Value() == "zhang.san@example.com");
    CHECK(NormalizeEmail(" user+tag@mail.qq.com ").Value() == "user+tag@mail.qq.com");
    for (const char* bad : {"plain", "@example.com", "a@", "a@b", "a..b@example.com", ".a@example.com",
                            "a@-example.com", "a@example.c0m", "a@example.c", "a b@example.com", "a@exa_mple.com",
                            "张三@example.com"}) {
        INFO(bad);
        CHECK(NormalizeEmail(bad).GetError().code == "invalid_email");
    }
}

TEST_CASE("serial numbers", "[validation][serial]") {
    CHECK(NormalizeSerial("sn-20240501-a7").Value() == "SN-20240501-A7");
    CHECK(NormalizeSerial("ABC123").Value() == "ABC123");
    CHECK(NormalizeSerial(std::string(32, 'A')).Ok());
    for (const std::string& bad : {std::string("ABC12"), std::string(33, 'A'), std::string("-ABC123"),
                                  std::string("ABC123-"), std::string("AB--C123"), std::string("AB C123"),
                                  std::string("ABC_123")}) {
        INFO(bad);
        CHECK(NormalizeSerial(bad).GetError().code == "invalid_serial");
    }
    CHECK_FALSE(CheckOrderNumber("JD-2024_0501"));
    CHECK(CheckOrderNumber("J1")->code == "invalid_order_number");
}

TEST_CASE("a draft reports every field error and normalises what is valid", "[validation]") {
    const UnixSeconds now = At(2024, 6, 3, 9, 0);
    TicketDraft good = SampleDraft();
    good.customer.phone = "138 0013 8000";
    good.product.serial = "sn-20240501-a7";
    good.customer.email = "Zhang@Example.com";
    CHECK(ValidateTicketDraft(good, now).empty());
    CHECK(good.customer.phone == "+8613800138000");
    CHECK(good.product.serial == "SN-20240501-A7");
    CHECK(good.customer.email == "Zhang@example.com");

    TicketDraft bad = SampleDraft(TicketKind::Return);
    bad.customer.name = "";
    bad.customer.phone = "12345";
    bad.subject = std::string(101, 'x');
    bad.description = "坏";
    bad.product.purchase_date = CivilDate{2024, 6, 4};
    bad.product.delivered_at.reset();
    bad.return_reason.reset();
    const FieldErrors errors = ValidateTicketDraft(bad, now);
    std::vector<std::string> fields;
    for (const Error& error : errors) fields.push_back(error.field);
    CHECK(fields == std::vector<std::string>{"customer.name", "customer.phone", "subject", "description",
                                             "product.purchase_date", "return_reason", "product.delivered_at"});
    for (const Error& error : errors) {
        CHECK_FALSE(error.message.zh.empty());
        CHECK_FALSE(error.message.en.empty());
    }
}

TEST_CASE("repair service details: address, visit slot window, catalogue ids", "[validation]") {
    const UnixSeconds now = At(2024, 6, 3, 9, 0);  // 17:00 in Beijing, still 2024-06-03 there
    TicketDraft on_site = SampleDraft();
    on_site.repair = RepairDetails{ServiceMode::OnSite, VisitWindow{{2024, 6, 3}, VisitSlot::Evening}, "no_power", ""};
    on_site.address = "北京市海淀区中关村大街 1 号";
    CHECK(ValidateTicketDraft(on_site, now).empty());

    auto fields_of = [now](TicketDraft draft) {
        std::vector<std::string> fields;
        for (const Error& error : ValidateTicketDraft(draft, now)) fields.push_back(error.field);
        return fields;
    };
    TicketDraft missing = on_site;
    missing.address = "  ";
    missing.repair->visit.reset();
    CHECK(fields_of(missing) == std::vector<std::string>{"address", "repair.visit"});

    TicketDraft yesterday = on_site;
    yesterday.repair->visit->date = {2024, 6, 2};
    CHECK(fields_of(yesterday) == std::vector<std::string>{"repair.visit.date"});
    TicketDraft last_day = on_site;
    last_day.repair->visit->date = AddDays(CivilDate{2024, 6, 3}, kVisitBookingDays);
    CHECK(fields_of(last_day).empty());
    last_day.repair->visit->date = AddDays(CivilDate{2024, 6, 3}, kVisitBookingDays + 1);
    CHECK(fields_of(last_day) == std::vector<std::string>{"repair.visit.date"});

    TicketDraft mail_in = SampleDraft();
    mail_in.repair = RepairDetails{ServiceMode::MailIn, VisitWindow{{2024, 6, 5}, VisitSlot::Morning}, "", "mainboard"};
    CHECK(fields_of(mail_in) == std::vector<std::string>{"address"});
    mail_in.address = "上海市浦东新区世纪大道 100 号";
    CHECK(ValidateTicketDraft(mail_in, now).empty());
    CHECK_FALSE(mail_in.repair->visit.has_value());  // only an on-site visit keeps a slot

    TicketDraft remote = SampleDraft();
    remote.repair = RepairDetails{ServiceMode::Remote, std::nullopt, "No Power!", ""};
    CHECK(fields_of(remote) == std::vector<std::string>{"repair.fault_category"});

    TicketDraft complaint = SampleDraft(TicketKind::Complaint);
    complaint.repair = RepairDetails{ServiceMode::OnSite, std::nullopt, "", ""};
    CHECK(ValidateTicketDraft(complaint, now).empty());
    CHECK_FALSE(complaint.repair.has_value());
}

TEST_CASE("attachments", "[validation]") {
    const Policy policy;
    CHECK(ValidateAttachment({"故障照片.jpg", "image/jpeg", 1024}, 0, policy).empty());
    CHECK(ValidateAttachment({"a.exe", "application/x-msdownload", 1024}, 0, policy)[0].field == "content_type");
    CHECK(ValidateAttachment({"a.jpg", "image/jpeg", policy.tickets.max_attachment_bytes + 1}, 0, policy)[0].field ==
          "size_bytes");
    CHECK(ValidateAttachment({"../a.jpg", "image/jpeg", 10}, 0, policy)[0].field == "file_name");
    CHECK(ValidateAttachment({"a.jpg", "image/jpeg", 10}, policy.tickets.max_attachments, policy)[0].field ==
          "attachments");
}

TEST_CASE("ticket lookup input", "[validation]") {
    CHECK(ValidateLookup("r7kx-4m9q-p2h" + std::string(1, ComputeCheckCharacter("R7KX4M9QP2H")), "8000").empty());
    const FieldErrors errors = ValidateLookup("R7KX-4M9Q-P2HX", "80a0");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "service_number");
    CHECK(errors[1].field == "phone_last4");
    CHECK(CheckPhoneLast4("")->code == "required");
    CHECK(CheckPhoneLast4("12345")->code == "invalid_phone");
    CHECK_FALSE(CheckPhoneLast4("0000"));
    CHECK(CheckUtcOffset(15 * 60)->field == "utc_offset_minutes");
    CHECK_FALSE(CheckUtcOffset(-5 * 60));
}

TEST_CASE("channels: a customer's portal says web, kiosk or embed - staff intake phone, walk-in or e-mail",
          "[validation][channel]") {
    for (Channel channel : {Channel::Web, Channel::Kiosk, Channel::Embed}) {
        INFO(ToString(channel));
        CHECK_FALSE(CheckChannel(channel, ActorRole::Customer).has_value());
        const auto refused = CheckChannel(channel, ActorRole::Staff);
        REQUIRE(refused.has_value());
        CHECK(refused->field == "channel");
        CHECK(refused->code == "not_allowed");
    }
    for (Channel channel : {Channel::Phone, Channel::WalkIn, Channel::Email}) {
        INFO(ToString(channel));
        CHECK_FALSE(CheckChannel(channel, ActorRole::Staff).has_value());
        const auto refused = CheckChannel(channel, ActorRole::Customer);
        REQUIRE(refused.has_value());
        CHECK(refused->field == "channel");
    }
    // A draft that does not say is a web ticket.
    CHECK(TicketDraft{}.channel == Channel::Web);
    Channel parsed = Channel::Web;
    CHECK(FromString("walk_in", parsed));
    CHECK(parsed == Channel::WalkIn);
    CHECK_FALSE(FromString("fax", parsed));
}

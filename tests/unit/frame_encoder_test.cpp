// The frames the wasm hands to shell/renderer.js (src/platform/web/frame_encoder.h): real ImGui frames
// encoded, then read back by a walker written from the layout in frame_encoder.h, the way the
// renderer reads them. Every word must be accounted for, the texels must be ImGui's, and every draw
// command must name a texture the renderer was sent.
#include "platform/web/frame_encoder.h"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

using aftercare::web::FrameEncoder;
using aftercare::web::kFrameFormat;
using aftercare::web::kTextureCreate;
using aftercare::web::kTextureDestroy;
using aftercare::web::kTextureUpdate;

namespace {

float FloatAt(const std::vector<std::uint32_t>& words, std::size_t at) {
    float value = 0;
    std::memcpy(&value, &words[at], sizeof value);
    return value;
}

struct TextureChange {
    std::uint32_t kind, id, x, y, width, height;
    std::vector<std::uint32_t> texels;
};

struct Command {
    std::int32_t x, y, width, height;
    std::uint32_t texture, count, first;
};

struct List {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<Command> commands;
};

struct Frame {
    std::uint32_t width = 0, height = 0;
    float clear[3] = {};
    float projection[4] = {};
    std::vector<TextureChange> textures;
    std::vector<List> lists;
};

// Reads a frame as shell/renderer.js does; fails the test on any word left over or missing.
Frame Decode(const std::vector<std::uint32_t>& words) {
    REQUIRE(words.size() >= 12);
    REQUIRE(words[0] == kFrameFormat);
    Frame frame;
    frame.width = words[1];
    frame.height = words[2];
    for (int i = 0; i < 3; ++i) frame.clear[i] = FloatAt(words, 3 + i);
    for (int i = 0; i < 4; ++i) frame.projection[i] = FloatAt(words, 6 + i);
    std::size_t at = 12;
    for (std::uint32_t t = 0; t < words[10]; ++t) {
        REQUIRE(at + 6 <= words.size());
        TextureChange change{words[at], words[at + 1], words[at + 2], words[at + 3], words[at + 4], words[at + 5], {}};
        at += 6;
        if (change.kind == kTextureUpdate) {
            const std::size_t texels = std::size_t{change.width} * change.height;
            REQUIRE(at + texels <= words.size());
            change.texels.assign(words.begin() + at, words.begin() + at + texels);
            at += texels;
        }
        frame.textures.push_back(std::move(change));
    }
    for (std::uint32_t l = 0; l < words[11]; ++l) {
        REQUIRE(at + 3 <= words.size());
        const std::uint32_t vertices = words[at], indices = words[at + 1], commands = words[at + 2];
        at += 3;
        List list;
        REQUIRE(at + vertices * 5 + (indices + 1) / 2 + commands * 7 <= words.size());
        list.vertices.resize(vertices);
        std::memcpy(static_cast<void*>(list.vertices.data()), &words[at], vertices * sizeof(ImDrawVert));
        at += vertices * 5;
        list.indices.resize(indices);
        std::memcpy(list.indices.data(), &words[at], indices * sizeof(ImDrawIdx));
        at += (indices + 1) / 2;
        for (std::uint32_t c = 0; c < commands; ++c, at += 7) {
            list.commands.push_back({static_cast<std::int32_t>(words[at]), static_cast<std::int32_t>(words[at + 1]),
                                     static_cast<std::int32_t>(words[at + 2]), static_cast<std::int32_t>(words[at + 3]),
                                     words[at + 4], words[at + 5], words[at + 6]});
        }
        frame.lists.push_back(std::move(list));
    }
    CHECK(at == words.size());
    return frame;
}

// An ImGui context as the portal sets it up: textures the renderer keeps, a 2× screen.
struct ImGuiSession {
    FrameEncoder encoder;
    ImGuiSession() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(400, 300);
        io.DisplayFramebufferScale = ImVec2(2, 2);
        io.Fonts->AddFontDefault();
        encoder.Init();
    }
    ~ImGuiSession() { ImGui::DestroyContext(); }

    std::vector<std::uint32_t> Draw(const std::string& text) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 20));
        ImGui::SetNextWindowSize(ImVec2(200, 100));
        ImGui::Begin("window");
        ImGui::TextUnformatted(text.c_str());
        ImGui::End();
        ImGui::Render();
        return encoder.Encode(ImGui::GetDrawData(), 800, 600, ImVec4(0.25f, 0.5f, 0.75f, 1));
    }
};

ImTextureData* AtlasTexture() { return ImGui::GetIO().Fonts->TexData; }

} // namespace

TEST_CASE("a frame carries its size, clear colour and projection") {
    ImGuiSession session;
    const Frame frame = Decode(session.Draw("hello"));
    CHECK(frame.width == 800);
    CHECK(frame.height == 600);
    CHECK(frame.clear[0] == 0.25f);
    CHECK(frame.clear[2] == 0.75f);
    // Display coordinates to clip space: left, top, 2 / width, -2 / height.
    CHECK(frame.projection[0] == 0.0f);
    CHECK(frame.projection[2] == Approx(2.0f / 400));
    CHECK(frame.projection[3] == Approx(-2.0f / 300));
}

// The texels a renderer holds after a texture's creation (all zeros) and its first update.
std::vector<std::uint32_t> CreatedTexels(const Frame& frame) {
    REQUIRE(frame.textures.size() == 2);
    const TextureChange& created = frame.textures[0];
    const TextureChange& filled = frame.textures[1];
    REQUIRE(created.kind == kTextureCreate);
    CHECK(created.texels.empty());
    REQUIRE(filled.kind == kTextureUpdate);
    CHECK(filled.id == created.id);
    CHECK(filled.x == 0);
    CHECK(filled.y == 0);
    CHECK(filled.width == created.width);
    REQUIRE(filled.height <= created.height);
    std::vector<std::uint32_t> texels(std::size_t{created.width} * created.height, 0);
    std::copy(filled.texels.begin(), filled.texels.end(), texels.begin());
    return texels;
}

TEST_CASE("the atlas is made, its filled rows sent, then only what changed, with ImGui's own texels") {
    ImGuiSession session;
    const Frame first = Decode(session.Draw("hello"));
    ImTextureData* atlas = AtlasTexture();
    REQUIRE(first.textures.size() == 2);
    CHECK(first.textures[0].id == static_cast<std::uint32_t>(atlas->TexID));
    CHECK(first.textures[0].width == static_cast<std::uint32_t>(atlas->Width));
    CHECK(first.textures[0].height == static_cast<std::uint32_t>(atlas->Height));
    // The rows left out are empty: the renderer's copy equals ImGui's texel for texel.
    const std::vector<std::uint32_t> texels = CreatedTexels(first);
    CHECK(first.textures[1].height < first.textures[0].height);  // a new atlas is mostly empty
    CHECK(std::memcmp(texels.data(), atlas->GetPixels(), texels.size() * 4) == 0);
    CHECK(atlas->Status == ImTextureStatus_OK);

    // The same text again: nothing new to send.
    CHECK(Decode(session.Draw("hello")).textures.empty());

    // A bigger font brings new glyphs: each changed rectangle arrives with the texels ImGui has there,
    // however many rectangles there are (a count per texture instead of per rectangle once made
    // every later word unreadable).
    ImGui::GetStyle().FontScaleMain = 3.0f;
    const Frame grown = Decode(session.Draw("hello, world: 0123456789"));
    REQUIRE_FALSE(grown.textures.empty());
    for (const TextureChange& change : grown.textures) {
        if (change.kind == kTextureCreate) continue;  // the atlas may have been rebuilt larger
        REQUIRE(change.kind == kTextureUpdate);
        ImTextureData* now = AtlasTexture();
        for (std::uint32_t row = 0; row < change.height; ++row) {
            CHECK(std::memcmp(&change.texels[std::size_t{row} * change.width],
                              now->GetPixelsAt(static_cast<int>(change.x), static_cast<int>(change.y + row)),
                              change.width * 4) == 0);
        }
    }
}

TEST_CASE("every command draws from a texture the renderer has, inside its list and the framebuffer") {
    ImGuiSession session;
    std::map<std::uint32_t, bool> textures;
    for (const char* text : {"first", "second, longer text", "third"}) {
        const Frame frame = Decode(session.Draw(text));
        for (const TextureChange& change : frame.textures) textures[change.id] = change.kind != kTextureDestroy;
        REQUIRE_FALSE(frame.lists.empty());
        for (const List& list : frame.lists) {
            for (const ImDrawIdx index : list.indices) CHECK(index < list.vertices.size());
            for (const Command& command : list.commands) {
                CHECK(textures[command.texture]);
                CHECK(command.first + command.count <= list.indices.size());
                CHECK(command.x >= 0);
                CHECK(command.y >= 0);
                CHECK(command.width > 0);
                CHECK(command.height > 0);
                CHECK(command.x + command.width <= 800);
                CHECK(command.y + command.height <= 600);
            }
        }
    }
}

TEST_CASE("after the renderer lost its context, every texture in use is sent whole again") {
    ImGuiSession session;
    const Frame first = Decode(session.Draw("hello"));
    session.encoder.ResendTextures();
    const Frame again = Decode(session.Draw("hello"));
    CHECK(CreatedTexels(again) == CreatedTexels(first));
    CHECK(again.textures[0].id != first.textures[0].id);  // the old id died with the old context
    for (const List& list : again.lists) {
        for (const Command& command : list.commands) CHECK(command.texture == again.textures[0].id);
    }
}

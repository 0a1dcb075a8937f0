// Internal to the repair wizard: what its step files (repair_*.cpp) share. Not for other screens.
#pragma once

#include "screens/repair.h"
#include "widgets/file_tiles.h"

#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

class Host;

// One file per step.
void DrawProductStep(AppState& state, Ui& ui);
void DrawFaultStep(AppState& state, Ui& ui);
void DrawServiceStep(AppState& state, Ui& ui);
void DrawContactStep(AppState& state, Ui& ui);
void DrawReviewStep(AppState& state, Ui& ui);
void DrawSubmittedScreen(AppState& state, Ui& ui);
void DrawSolvedScreen(AppState& state, Ui& ui);

// Goes to a step (a new history entry, so the browser's back button walks the steps back).
void GoToStep(AppState& state, RepairStep step);

// The message of a field's error in the UI language, or empty.
std::string_view FieldError(const AppState& state, std::string_view field);
// After a field was drawn: the customer changed it, so its error is stale (they are fixing it).
void ClearFieldError(AppState& state, std::string_view field);
// After a field was drawn: brings it into view when the last "Next" found an error in it.
void ScrollIntoViewIfAsked(AppState& state, std::string_view field);

// What step 1's warranty check learned that changes what the customer must give.
StepCheck CurrentStepCheck(const RepairState& repair);

// Step 5: sends the draft (or resends the same attempt); step "done": uploads the photos.
void SubmitRepair(AppState& state, Ui& ui);
void UploadPhotos(AppState& state);

// The photos as file tiles; `details` (one per photo, kept alive while the tiles are drawn) are
// the lines under their names. PhotoSizes gives the usual detail: each file's size.
std::vector<FileTile> PhotoTiles(const std::vector<RepairPhoto>& photos, const std::vector<std::string>& details);
std::vector<std::string> PhotoSizes(const std::vector<RepairPhoto>& photos);

// Forgets the draft and the photos (after a submission, "this solved it", or "start over").
void ClearRepairDraft(AppState& state, Host& host);

// Photos: a key for a part's name ("repair.part.mainboard") is looked up in the string table.
std::string PartLabel(const AppState& state, std::string_view part);

} // namespace aftercare::portal

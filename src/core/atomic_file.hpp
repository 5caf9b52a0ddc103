#pragma once
// Writing a file whole or not at all: readers (and the next run) see either
// the old file or the new one, never half of either, even when the disk
// fills or the program dies mid-write.
#include <string>
#include <string_view>

namespace pamir {

/// Replaces the file at `path` with `bytes`: written to a temporary file
/// with a unique name in the same folder (so concurrent writers never share
/// one), flushed to disk, then renamed over `path`. An existing file keeps
/// its permissions. On failure returns false with "cannot write PATH: why"
/// in *error, `path` is untouched and no temporary file is left behind.
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace pamir

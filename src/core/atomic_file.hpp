#pragma once
// Writing a file whole or not at all: readers (and the next run) see either
// the old file or the new one, never half of either, even when the disk
// fills or the program dies mid-write. What the path names is respected:
// a symlink stays a symlink, a device or FIFO stays what it is.
#include <string>
#include <string_view>

namespace pamir {

/// Writes `bytes` to `path`, according to what `path` is:
/// - a regular file, or nothing yet: written to a temporary file with a
///   unique name (".NAME.tmp-PID-N-R") beside it, flushed to disk, then
///   renamed over it. An existing file keeps its permissions.
/// - a symlink (chains included): the same, for the file it finally points
///   to, with the temporary file in that file's folder; the link is kept.
/// - a FIFO or a character or block device (/dev/null, /dev/stdout, a
///   terminal): written directly, no temporary file, no rename. A FIFO with
///   no reader is waited for briefly (up to 5 s), never for ever.
/// - a directory or a socket: refused.
/// On failure returns false with "cannot write PATH: why" in *error (why
/// from errno where there is one: "No space left on device"), a replaced
/// file is untouched and no temporary file is left behind. Temporary files
/// of earlier writers to the same file that were killed mid-write are
/// removed (see removeStaleTemporaries).
bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

/// Removes temporary files that writeFileAtomically left for `target` in its
/// folder when a writer died mid-write (SIGKILL, power cut). Only files of
/// exactly its name pattern, owned by this user, whose writer process no
/// longer exists (and which have not changed for 10 s, in case the writer
/// lives in another PID namespace), or which have not changed for 30 minutes
/// (the PID was reused). Returns how many were removed.
int removeStaleTemporaries(const std::string& target);

}  // namespace pamir

#pragma once
// Opening a source's web address in the analyst's browser, through
// xdg-open when it is installed. The address is passed as one argument,
// never through a shell, and only http(s) addresses are opened.
#include <string>

namespace pamir::app {

/// xdg-open is on PATH.
bool browserOpenerInstalled();

/// Starts xdg-open on `url` (isWebUrl must hold) without waiting for it;
/// false with the reason in *error.
bool openInBrowser(const std::string& url, std::string* error);

}  // namespace pamir::app

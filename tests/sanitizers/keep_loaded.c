/* Preloaded into the GL tests by tools/test-sanitized.sh: dlclose does
 * nothing, so that the GL driver Mesa unloads at eglTerminate is still
 * mapped when LeakSanitizer reports at exit, and its frames carry the
 * driver's name for tests/sanitizers/lsan.supp to match (the fast unwinder
 * stops inside the driver, which has no frame pointers, so no frame of
 * Pamir's is there to name it). Nothing else changes: libraries stay
 * mapped until exit. */
int dlclose(void* handle) {
  (void)handle;
  return 0;
}

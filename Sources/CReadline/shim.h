#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Setters for readline's globals: Swift 6 cannot assign C globals directly.
static inline void gcsh_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void gcsh_rl_set_completer(rl_completion_func_t *f) {
  rl_attempted_completion_function = f;
}
static inline void gcsh_rl_no_default_completion(void) { rl_attempted_completion_over = 1; }
static inline void gcsh_rl_set_catch_signals(int on) { rl_catch_signals = on; }
/// The characters that end a word for completion (`word` must outlive readline's use of it).
static inline void gcsh_rl_set_word_breaks(const char *word) {
  rl_completer_word_break_characters = word;
}
/// No space after the completion being inserted (it ends in `(` or `=`).
static inline void gcsh_rl_suppress_append(void) { rl_completion_suppress_append = 1; }

// GoCheckpoint: the Go source of the exported program's checkpoint, `gcshStats`.
//
// A checkpoint must not disturb what it measures, so it allocates nothing on the Go heap: the
// method of the recordings in ../shared/anchors (ckpt.go) and Tests/Recordings/runs/ckpt —
// one package-level runtime.MemStats reused by ReadMemStats (which stops the world but neither
// allocates nor starts a GC), /proc/self/statm opened once and re-read with pread(2) into a
// buffer that is a package-level array (static data, not a heap object), the line built with
// strconv.Append* into another such array and written with one write(2) on fd 1. Its label
// parts are `...any` that do not escape, so the compiler boxes them in the frame.
//
// The line is the one `gcsh --format jsonl` prints for a `stats` (GCReport's Reporter.stats):
// `{"event":"stats","t":SECONDS,"label":...,` then the MemStats fields in the same order and
// `"RSS"` last. `t` is the time since the program started (gcsh's is virtual); a bare `stats`
// has no label; the label's parts are joined as fmt.Sprint joins them (a blank between two
// operands when neither is a string) and quoted as gcsh's JSONLine quotes.

import GoHeap

enum GoCheckpoint {
  /// The MemStats fields of a `stats` line, in the order gcsh writes them (MemStats.fields
  /// without Alloc and LastGC; GCScriptTests' GoExporterTests compare it with gcsh's own line).
  static let fields = [
    "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse",
    "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "GCSys", "OtherSys", "NextGC",
    "PauseTotalNs", "NumGC", "NumForcedGC",
  ]

  /// The helper code appended to an exported program.
  static func source(profile: RuntimeProfile) -> String {
    let available = fields.filter { profile.memStatsFields?.contains($0) ?? true }
    let writes = available.map { f in
      let value = f == "NumGC" || f == "NumForcedGC" ? "uint64(gcshMS.\(f))" : "gcshMS.\(f)"
      return "\tb = gcshField(b, \"\(f)\", \(value))"
    }.joined(separator: "\n")
    return """
      // The checkpoint: nothing below allocates on the heap once the program runs (see gcshStats).
      var (
      \tgcshStart = time.Now()
      \tgcshMS    runtime.MemStats
      \tgcshOut   [8192]byte
      \tgcshLabel [1024]byte
      \tgcshStatm [256]byte
      \tgcshFD    = gcshOpen("/proc/self/statm")
      \tgcshPage  = uint64(syscall.Getpagesize())
      )

      func gcshOpen(path string) int {
      \tfd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
      \tif err != nil {
      \t\treturn -1
      \t}
      \treturn fd
      }

      // gcshStats prints the JSON line gcsh --format jsonl prints for a stats statement with
      // these label parts: the MemStats fields, then the RSS (/proc/self/statm's resident pages).
      func gcshStats(parts ...any) {
      \tel := time.Since(gcshStart)
      \truntime.ReadMemStats(&gcshMS)
      \tb := append(gcshOut[:0], `{"event":"stats","t":`...)
      \tb = strconv.AppendFloat(b, el.Seconds(), 'f', -1, 64)
      \tif len(parts) > 0 {
      \t\tb = append(b, `,"label":`...)
      \t\tb = gcshQuote(b, gcshLabelText(parts))
      \t}
      \(writes)
      \tb = gcshField(b, "RSS", gcshRSS())
      \tb = append(b, "}\\n"...)
      \tsyscall.Write(1, b)
      }

      func gcshField(b []byte, name string, v uint64) []byte {
      \tb = append(b, `,"`...)
      \tb = append(b, name...)
      \tb = append(b, `":`...)
      \treturn strconv.AppendUint(b, v, 10)
      }

      // gcshLabelText joins the parts as fmt.Sprint does: a blank between two operands when
      // neither is a string.
      func gcshLabelText(parts []any) []byte {
      \tl := gcshLabel[:0]
      \tfor i, p := range parts {
      \t\t_, isString := p.(string)
      \t\tif i > 0 {
      \t\t\t_, prevString := parts[i-1].(string)
      \t\t\tif !isString && !prevString {
      \t\t\t\tl = append(l, ' ')
      \t\t\t}
      \t\t}
      \t\tswitch v := p.(type) {
      \t\tcase string:
      \t\t\tl = append(l, v...)
      \t\tcase int:
      \t\t\tl = strconv.AppendInt(l, int64(v), 10)
      \t\tcase int64:
      \t\t\tl = strconv.AppendInt(l, v, 10)
      \t\tcase int32:
      \t\t\tl = strconv.AppendInt(l, int64(v), 10)
      \t\tcase uint64:
      \t\t\tl = strconv.AppendUint(l, v, 10)
      \t\tcase uint32:
      \t\t\tl = strconv.AppendUint(l, uint64(v), 10)
      \t\tcase uint:
      \t\t\tl = strconv.AppendUint(l, uint64(v), 10)
      \t\tcase float64:
      \t\t\tl = strconv.AppendFloat(l, v, 'g', -1, 64)
      \t\tcase bool:
      \t\t\tl = strconv.AppendBool(l, v)
      \t\tdefault:
      \t\t\tl = append(l, '?')
      \t\t}
      \t}
      \treturn l
      }

      // gcshQuote writes s as a JSON string, escaping as gcsh's JSONLine does.
      func gcshQuote(b []byte, s []byte) []byte {
      \tconst hex = "0123456789abcdef"
      \tb = append(b, '"')
      \tfor _, c := range s {
      \t\tswitch {
      \t\tcase c == '"' || c == '\\\\':
      \t\t\tb = append(b, '\\\\', c)
      \t\tcase c == '\\n':
      \t\t\tb = append(b, '\\\\', 'n')
      \t\tcase c == '\\r':
      \t\t\tb = append(b, '\\\\', 'r')
      \t\tcase c == '\\t':
      \t\t\tb = append(b, '\\\\', 't')
      \t\tcase c < 0x20:
      \t\t\tb = append(b, '\\\\', 'u', '0', '0', hex[c>>4], hex[c&15])
      \t\tdefault:
      \t\t\tb = append(b, c)
      \t\t}
      \t}
      \treturn append(b, '"')
      }

      // gcshRSS is the resident set in bytes: the second number of /proc/self/statm, in pages.
      func gcshRSS() uint64 {
      \tif gcshFD < 0 {
      \t\treturn 0
      \t}
      \tn, err := syscall.Pread(gcshFD, gcshStatm[:], 0)
      \tif err != nil || n <= 0 {
      \t\treturn 0
      \t}
      \tvar fields [2]uint64
      \tk := 0
      \tfor _, c := range gcshStatm[:n] {
      \t\tif c >= '0' && c <= '9' {
      \t\t\tfields[k] = fields[k]*10 + uint64(c-'0')
      \t\t} else if k++; k == 2 {
      \t\t\tbreak
      \t\t}
      \t}
      \treturn fields[1] * gcshPage
      }
      """
  }
}

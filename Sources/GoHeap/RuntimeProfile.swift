// RuntimeProfile: one era of the Go runtime, as data.
//
// Everything that differs between runtime versions is a value here: page size, size classes, the
// small/large boundary, allocation headers, span-tail reserves, heap growth unit and arena size,
// the heap minimum, pacer details, how GCs are forced, how the scavenger is paced and gated, how
// memory is released, the per-arena metadata, and the state of a fresh process before `main`.
// Code paths differ only where the real algorithms differ, and then through the policy enums below
// (`ForcedGCPolicy`, `ScavengerPolicy`), never through `if version ==` tests.
//
// Sources: ../shared/reference/go-runtime-memory.md (Part B: go1.19) and
// ../shared/reference/go-runtime-1.27.md (the 1.27 deltas); start-up values are the anchors'
// `start` rows (../shared/anchors/*/scenarios/*/checkpoints.jsonl).

/// A Go version, for feature availability ("debug.FreeOSMemory arrived in Go 1.1").
public struct GoVersion: Comparable, CustomStringConvertible, Sendable {
  public var major: Int
  public var minor: Int
  public init(_ major: Int, _ minor: Int) {
    self.major = major
    self.minor = minor
  }
  public static func < (a: GoVersion, b: GoVersion) -> Bool {
    (a.major, a.minor) < (b.major, b.minor)
  }
  public var description: String { "go\(major).\(minor)" }
}

/// The runtime's trace output formats (GODEBUG=gctrace=1,scavtrace=1) of an era.
public enum TraceFormat: Sendable {
  /// Go 1.18-1.20: gctrace with stacks and globals; `scav W KiB work, T KiB total, U% util`.
  case go119
  /// Go 1.21+: the same gctrace; `scav B KiB work (bg), E KiB work (eager), R KiB now, U% util`.
  case go127
  /// Go 1.0 (GOGCTRACE=1): `gcN(P): a+b+c ms X -> Y MB N -> M (A-B) objects H handoff` and the
  /// scavenger's `scvgK:` lines.
  case go10
}

/// How the runtime's own print writes floats (the builtins print and println, panics).
public enum PrintFloats: Sendable {
  /// `+1.500000e+000`: seven significant digits, always an exponent of three digits
  /// (Go 1.19.8's print.go printfloat; Go 1.0's print.c runtime·printfloat is the same).
  case sevenDigits
  /// `1.5`, `1e+21`: strconv's shortest form, `'g'` with precision -1 (Go 1.27.3's print.go
  /// printfloat64 / printfloat32).
  case shortest
}

/// A runtime feature that appeared in a given Go version.
public enum RuntimeFeature: String, CaseIterable, Sendable {
  case freeOSMemory = "debug.FreeOSMemory"
  case setGCPercent = "debug.SetGCPercent"
  case metrics = "runtime/metrics"
  case memoryLimit = "GOMEMLIMIT"
  case syncPool = "sync.Pool"
  // Library additions a pasted program may use (checked by gcsh's type checker).
  case stringsClone = "strings.Clone"
  case bytesClone = "bytes.Clone"
  case slicesPackage = "package slices"
  case cmpPackage = "package cmp"
  case weakPackage = "package weak"
  case contextPackage = "package context"
  case mapsPackage = "package maps"
  case iterPackage = "package iter"
  case generics = "type parameter syntax (generics)"

  /// The version that brought it.
  public var since: GoVersion {
    switch self {
    case .freeOSMemory, .setGCPercent: return GoVersion(1, 1)
    case .syncPool: return GoVersion(1, 3)
    case .metrics: return GoVersion(1, 16)
    case .memoryLimit: return GoVersion(1, 19)
    case .stringsClone: return GoVersion(1, 18)
    case .bytesClone: return GoVersion(1, 20)
    case .slicesPackage, .cmpPackage, .mapsPackage: return GoVersion(1, 21)
    case .iterPackage: return GoVersion(1, 23)
    case .weakPackage: return GoVersion(1, 24)
    case .contextPackage: return GoVersion(1, 7)
    case .generics: return GoVersion(1, 18)
    }
  }
}

/// How the heap grows when no free run fits (mheap.grow).
enum HeapGrowthPolicy: Sendable {
  /// Go 1.11+: whole 4 MiB chunks (profile.chunkBytes) in 64 MiB arena reservations; the new
  /// memory is "Prepared" and counts as released until used.
  case chunks
  /// Go 1.0: the request rounded up to `roundPages`, at least `minBytes` (HeapAllocChunk); the new
  /// memory counts as idle, not released (nothing was ever madvised).
  case rounded(roundPages: Int, minBytes: Int)
}

/// When the next GC starts.
/// The heap size a cycle counts as its start (gcControllerState.triggered, set by startCycle).
/// The cycle's cons/mark measures the allocation from there to mark termination, and the goal
/// stays at least 64 KiB above it.
enum TriggeredPoint: Sendable {
  /// Go 1.21+ (#53892): heapLive when the cycle starts, so an allocation that jumps far past the
  /// trigger raises the cycle's goal (`381 MB goal`) and adds nothing to its cons/mark.
  case heapLive
  /// Go 1.18-1.20: the trigger the pacer had computed (mgcpacer.go 1.19 startCycle:
  /// `c.triggered = heapTrigger`, #53738), so a cycle started late by a large allocation counts
  /// the whole overshoot as allocation during its mark: a huge cons/mark, and the next triggers
  /// come early.
  case computedTrigger
}

/// How the pacer smooths the cons/mark ratio (mgcpacer.go endCycle). A cycle whose heap did not
/// grow past `triggered` leaves the estimate unchanged.
enum ConsMarkSmoothing: Sendable {
  /// Go 1.21+: the maximum of this cycle's value and the previous `count - 1` (lastConsMark[4]:
  /// five values), biased toward starting early.
  case maximumOfLast(Int)
  /// Go 1.18-1.20: consMarkController, a PI controller whose setpoint is this cycle's value and
  /// whose input is the last estimate; its clamped output is the new estimate
  /// (`next(c.consMark, currentConsMark, 1.0)`; piController.next).
  case piController(kp: Double, ti: Double, tt: Double, min: Double, max: Double)
}

enum PacerModel: Sendable {
  /// Go 1.5+ (mgcpacer.go): goal with heap minimum and stacks/globals, trigger below the goal,
  /// tested after large allocations and span refills (Pacer.swift).
  case concurrent
  /// Go 1.0 (mgc0.c, malloc.goc): `next_gc = live * (1 + GOGC/100)`, no minimum, tested as
  /// `heap_alloc >= next_gc` after every allocation.
  case proportional
}

/// How a cycle runs.
enum CollectorModel: Sendable {
  /// Concurrent mark with short stop-the-world phases; sweep after mark termination.
  case concurrent
  /// Go 1.0: the whole mark and sweep inside one stop-the-world pause.
  case stopTheWorld
}

/// How a GC is forced when none ran for a while.
public enum ForcedGCPolicy: Sendable {
  /// sysmon (proc.go): a GC starts at sysmon's first wake-up more than `period` after the last GC
  /// ended. sysmon polls every `pollNs` while the program runs and deep-sleeps until the program's
  /// next timer, or at most `maxIdleSleepNs`, while it is idle.
  case sysmon(periodNs: Int, maxIdleSleepNs: Int, pollNs: Int)
  /// Go 1.0 (mheap.c MHeap_Scavenger): a goroutine wakes every `tickNs` (at tickNs*(k+1) after
  /// start) and forces a GC when more than `forceAfterNs` passed since the last one.
  case scavengerTick(tickNs: Int, forceAfterNs: Int)
}

/// Background-scavenger parameters of the paced scavenger (mgcscavenge.go, Go 1.13+).
public struct PacedScavenger: Sendable {
  /// Retained-heap goal = lastHeapInUse * (goal/lastGoal) * (1 + retainExtraPercent/100).
  var retainExtraPercent: Double
  /// Memory-limit goal multiplier: 0.95 in 1.27; 95 in 1.19, the `(100.0 - 5)` bug of
  /// golang/go#62449 that leaves the goal effectively off.
  var memoryLimitGoalFactor: Double
  /// Bytes per scavenge call (scavengeQuantum, 64 KiB).
  var quantumBytes: Int
  /// Minimum work per burst, ns (minScavWorkTime, 1 ms).
  var minWorkNs: Double
  /// Starting sleep ratio (startingScavSleepRatio, 0.001: the first sleep is ~1000x the work).
  var startSleepRatio: Double
  /// Target CPU fraction (scavengePercent = 1 %).
  var targetCPUFraction: Double
  /// PI controller gains (kp, ti, tt) and output bounds of the sleep-ratio controller.
  var controllerKp: Double
  var controllerTi: Double
  var controllerTt: Double
  var controllerMin: Double
  var controllerMax: Double
  /// Go 1.21+: a chunk whose occupancy was >= this many pages (of 512) in the current or the
  /// previous GC generation is skipped by the background scavenger (scavChunkData.shouldScavenge,
  /// HiOcc = 496). nil: no gating (go1.19).
  public var densePagesThreshold: Int?
  /// Physical release granularity when heap memory is THP-backed: go1.19 madvises the whole huge
  /// pages of the spans it readies MADV_HUGEPAGE (OSMemory.adviseHugePages) and releases whole
  /// 2 MiB huge pages where it can, which is also why its release is fast
  /// (CostModel.releaseNsPerByte). nil when the heap gets no huge pages (go1.27). The
  /// anchors' RSS needs no huge-page rounding of residency: the 400 MB span is touched in full
  /// either way (RSS - HeapInuse is the heap bitmap, not THP padding).
  var hugePageBytes: Int?
}

/// How freed memory is returned to the OS.
public enum ScavengerPolicy: Sendable {
  case paced(PacedScavenger)
  /// Go 1.0: at each scavenger tick, free spans whose `unusedsince` (stamped by the first GC
  /// sweep that sees them free) is more than `limitNs` old are released.
  case unusedSpans(limitNs: Int)
}

/// The operating system the simulated process runs on (`--os`).
public enum OperatingSystem: String, CaseIterable, Sendable {
  case linux, darwin, windows, plan9
}

/// How the kernel treats memory the runtime releases (reference A.5, B.10).
public enum ReleaseMechanism: String, Sendable {
  /// MADV_DONTNEED (Linux), VirtualFree(MEM_DECOMMIT) (modern Windows): pages leave the resident
  /// set at once; the next touch faults in a zero page.
  case dontNeed = "MADV_DONTNEED"
  /// MADV_FREE (Linux with GODEBUG=madvdontneed=0, Go 1.12-1.15's default; Go 1.0 on macOS):
  /// pages stay resident — and in macOS's footprint — until memory pressure reclaims them.
  case free = "MADV_FREE"
  /// MADV_FREE_REUSABLE (macOS, modern Go): the footprint Activity Monitor shows drops at once;
  /// the resident size keeps the pages until they are reused or reclaimed.
  case freeReusable = "MADV_FREE_REUSABLE"
  /// No-op: Go 1.0 on Windows and Plan 9, where SysUnused did nothing. HeapReleased counts the
  /// pages; the OS never gets them back.
  case none = "no-op"
}

/// Runtime metadata outside the heap that grows with it (mheap.go `heapArena`, mbitmap.go).
struct MetadataModel: Sendable {
  /// Bytes of the heapArena struct per 64 MiB arena (counted in GCSys). go1.19: 2 MiB heap bitmap
  /// + 64 KiB span table + 3 KiB of page bitmaps; go1.27: 64 KiB span table + 4 KiB + 16 B.
  var heapArenaBytes: Int
  /// Other non-heap bytes mapped per arena (page-allocator and scavenge-index growth, span
  /// structs), calibrated on the Sys deltas of the anchors' second 400 MB growth.
  var otherBytesPerArena: Int
  /// Extra non-heap bytes mapped at the first heap growth (calibrated on the anchors' first
  /// growth minus the per-arena share).
  var firstGrowthOtherBytes: Int
  /// Heap-bitmap bytes per heap byte, written when a span is initialised (go1.19: 2 bits per
  /// 8-byte word = 1/32; the whole bitmap lives in heapArena). 0 in go1.27 (no arena bitmap).
  var heapBitmapBytesPerByte: Double
  /// Span-table bytes per page, written for every page of a span when it is allocated
  /// (`heapArena.spans`, one pointer per page).
  var spanTableBytesPerPage: Int
  /// Non-heap bytes mapped per byte of heap growth (go1.0: the heap bitmap below the arena,
  /// 4 bits per word = 1/16, mapped as arena_used grows; mostly never touched). 0 when metadata
  /// is per arena.
  var sysBytesPerHeapByte: Double = 0
}

/// The process before `main`: what the runtime has allocated and mapped at start-up.
struct StartupState: Sendable {
  /// Heap pages in in-use spans (HeapInuse / pageSize).
  var heapInUsePages: Int
  /// Live bytes of the runtime's own objects (HeapAlloc at start).
  var heapAllocBytes: Int
  /// Live runtime objects (HeapObjects at start).
  var objects: Int
  /// Frees already counted at start (Mallocs = objects + frees).
  var frees: Int
  /// Free, released heap pages at start (HeapReleased / pageSize).
  var releasedPages: Int
  /// Pages of the first chunk holding goroutine stacks at start (StackInuse), not part of HeapSys:
  /// the runtime's goroutines' and threads' stacks, and the pool span holding main's (its last
  /// 4 pages, contiguous stacks).
  var stackPages: Int
  /// Non-heap mapped bytes at start: Sys - HeapSys - StackSys (GCSys, MSpanSys, OtherSys, ...).
  var otherSysBytes: Int
  /// The GCSys part of `otherSysBytes` (reference go-runtime-1.27.md §2.1: MEASURED start GCSys).
  var gcSysBytes: Int
  /// Resident bytes outside the heap at start (binary text/data, stacks, runtime metadata):
  /// RSS at start - the in-use heap pages.
  var nonHeapRSS: Int
  /// Scannable global bytes of the runtime and standard library (pacer `globalsScan`).
  var globalsScanBytes: Int
  /// Stack bytes a cycle scans in a program that does not recurse: the runtime's goroutines,
  /// main's frames below main.main and main.main's. The stack work of an era whose stacks gcsh
  /// does not scan frame by frame (Go 1.0: Stacks.stackScanWork); the other eras measure it each
  /// cycle, and their pacer's lastStackScan starts at zero, as the runtime's does.
  var stackScanBytes: Int
  /// GCs completed before `main` (go1.0 collects at the first allocation after start-up).
  var gcsBeforeMain: Int = 0
  /// Pages of the first chunk the randomised heap base (Go 1.26+, mheap.go grow) marks allocated
  /// and scavenged: never handed out, counted in HeapIdle and HeapReleased. 0 before Go 1.26.
  var randomPaddingPages: Int = 0
  /// The runtime's start-up objects by size class (MemStats.BySize at start; none are freed
  /// yet). Empty where no recording shows them (go1.0).
  var allocationsBySizeClass: [Int: Int] = [:]
  /// Start-up objects no longer reachable when main begins (a schedinit slice outgrown by
  /// growslice, syscall's init-time copy of the environment, a helper goroutine's closure, ...):
  /// the first cycle finds them unmarked and its sweep frees them. Object size → count.
  var garbageBySize: [Int: Int] = [:]
  /// Start-up spans that sweep leaves empty, returned to the page heap (still resident).
  var garbagePages: Int = 0
  /// Start-up objects whose counts the mcaches had already flushed to the consistent stats when
  /// main began (object size → count): the rest sit in spans the mcaches hold, so runtime/metrics
  /// does not count them until a flush (ReadMemStats, a GC) or their span is replaced. Go 1.27.3:
  /// /gc/heap/allocs:objects 8 at main, 24,448 B = 7 × 1,152 + 16,384; Go 1.19.8: none
  /// (Tests/Recordings/runs/metricsvalues, programs/metrics-read-heap).
  var flushedAtMainBySize: [Int: Int] = [:]

  /// This state with the heap main finds replaced by `heap` (bytes keyed by object size, as
  /// BySize prints them, turned into the era's size-class indexes).
  func replacingHeap(with heap: StartupHeap, classes: SizeClassTable) -> StartupState {
    var s = self
    s.heapInUsePages = heap.inUsePages
    s.heapAllocBytes = heap.bySize.reduce(0) { $0 + $1.key * $1.value }
    s.objects = heap.bySize.values.reduce(0, +)
    s.frees = heap.frees
    s.allocationsBySizeClass = Dictionary(
      heap.bySize.map { (classes.sizeClass(for: $0.key).index, $0.value) }, uniquingKeysWith: +)
    s.garbageBySize = heap.garbageBySize
    s.garbagePages = heap.garbagePages
    return s
  }
}

/// The heap a Go program finds when main begins: the runtime's own objects plus those its
/// packages' init functions made (proc.go doInit runs each package's init, in dependency order,
/// before main.main), measured with MemStats.BySize at the first line of main.
struct StartupHeap: Sendable {
  /// Live objects by size (MemStats.BySize: size → Mallocs; none freed yet).
  var bySize: [Int: Int]
  /// Frees already counted (MemStats.Frees at start).
  var frees: Int
  /// HeapInuse / pageSize at start.
  var inUsePages: Int
  /// What the first cycle frees of it (StartupState.garbageBySize, garbagePages).
  var garbageBySize: [Int: Int]
  var garbagePages: Int
}

/// The recorded start-up heaps of the two kinds of Go program gcsh runs (the anchors' programs,
/// whose checkpoint package allocates its buffers in init, are the profile's `startup`).
struct GoProgramStartups: Sendable {
  /// A program whose imports bring in fmt's package inits (fmt, runtime/debug).
  var withFmt: StartupHeap
  /// A program whose imports bring in os's but not fmt's (no unicode, no fmt).
  var withOS: StartupHeap
  /// A program that imports no package whose init allocates (runtime alone).
  var runtimeOnly: StartupHeap
  /// What internal/godebug's init adds (Go 1.21+; math/rand imports it, fmt does not): objects
  /// by size and the change in pages in use at main. Nil where the package has no such init.
  var godebugInit: (bySize: [Int: Int], inUsePages: Int)? = nil
}

/// What ran before main: which program the simulated process starts as. The heap main finds is
/// the runtime's own start-up plus every imported package's init (GODEBUG=inittrace=1 lists
/// them with their allocations).
public enum ProgramStart: Sendable, Equatable {
  /// A GCScript script, or the REPL: the program `gcsh export-go` writes, whose checkpoint
  /// package (like the anchors' ckpt) allocates its output and read buffers in init.
  case script
  /// A Go program with these import paths.
  case goProgram(imports: [String])
}

/// One era of the Go runtime.
public struct RuntimeProfile: Sendable {
  /// Profile name as the user types it: "go1.27".
  public var name: String
  public var version: GoVersion
  /// Heap page size, bytes (8 KiB since Go 1.5; 4 KiB in Go 1.0).
  public var pageSize: Int
  /// The OS page size, bytes: the unit of residency and release (4 KiB on linux/amd64).
  var physPageSize: Int
  public var sizeClasses: SizeClassTable
  /// Largest size served by size classes, bytes (32768 in 1.19; 32768 - 8 in 1.27).
  public var maxSmallSize: Int
  /// Allocation header bytes for pointerful objects above `mallocHeaderMinSize` (1.22+: 8).
  var mallocHeaderBytes: Int
  /// Pointerful objects larger than this carry the header (1.22+: 512 B).
  var mallocHeaderMinSize: Int
  /// Green Tea inline mark bits at the end of 16-512 B spans, bytes (1.26+: 128; else 0).
  var inlineMarkBitsBytes: Int
  /// Pointer bitmap at the end of pointerful spans of <= 512 B objects, bytes (1.22+: 128).
  var spanPointerBitmapBytes: Int
  /// Largest object class that gets span-tail reserves, bytes (512).
  var spanTailMaxElemSize: Int
  /// Tiny allocator block size: noscan objects smaller than this are packed (16 B).
  /// (@usableFromInline: read by the inlined allocation fast path, allocateFast.)
  @usableFromInline var tinySize: Int
  /// Heap growth unit: pallocChunkBytes (4 MiB); in go1.0 the page-count granularity of the
  /// occupancy bookkeeping only (growth follows `growth`).
  var chunkBytes: Int
  /// The heap a start may map beyond the modelled one: Go 1.26+'s randomised heap base pads the
  /// first chunk with 0-511 pages (gcsh models the mean), and a start whose padding leaves the
  /// start-up spans no room maps a second 4 MiB chunk (about one in eight: HeapSys 7.75 MiB, not
  /// 3.75, for the whole run; ../shared/anchors/go1.27/README.md). 0 before Go 1.26.
  public var randomHeapBaseChunkBytes: Int { startup.randomPaddingPages > 0 ? chunkBytes : 0 }
  var growth: HeapGrowthPolicy
  /// Heap address space the runtime can reserve, bytes (modern: the kernel's 128 TiB of user
  /// address space; go1.0: its one 16 GiB arena). Growth past it is grow's "cannot allocate".
  var heapLimitBytes: Int
  /// Address-space reservation unit: heapArenaBytes (64 MiB on linux/amd64).
  var arenaBytes: Int
  /// Largest allocation the runtime can address (maxAlloc: 1 << 48 on linux/amd64).
  public var maxAllocBytes: Int
  /// Heap-goal floor at GOGC=100 (defaultHeapMinimum, 4 MiB), scaled by GOGC/100.
  var heapMinimum: Int
  /// Trigger bounds as fractions of the runway from marked to goal, in 64ths (45, 61).
  var triggerMinNum: Int
  var triggerMaxNum: Int
  /// While a cycle runs and the heap is not memory-limited, the goal is at least `triggered` +
  /// this (mgcpacer.go heapGoalInternal minRunway, 64 KiB); nil in eras without it (Go 1.0).
  var lateCycleMinRunway: Int?
  /// What `triggered` — the baseline of the cycle's cons/mark and of the minimum runway — is.
  var triggeredAt: TriggeredPoint
  /// Memory-limit goal headroom: max(limit * percent/100, minBytes). 1.27: 3 % and 1 MiB;
  /// 1.19: a flat 1 MiB.
  var memoryLimitHeadroomPercent: Double
  var memoryLimitHeadroomMin: Int
  /// How each cycle's measured cons/mark becomes the estimate the next trigger's runway uses.
  var consMarkSmoothing: ConsMarkSmoothing
  /// GOMAXPROCS of the measurement machine (2; go1.0's default was 1).
  var procs: Int
  /// The heap objects the first cycle's gcBgMarkStartWorkers (mgc.go) allocates for each P's mark
  /// worker, and those it allocates once; they stay live (allgs and the worker pool hold them).
  var markWorkerObjectBytes: [Int] = []
  var markWorkerSetupBytes: [Int] = []
  /// The runtime's goroutines when main starts (forcegc, bgsweep, bgscavenge, the finalizer
  /// goroutine) and the threads it runs on (Go 1.27.3 at main: /sched/goroutines:goroutines 5
  /// with main's, /sched/threads/total:threads 4; Tests/Recordings/runs/metricsvalues).
  var runtimeGoroutinesAtMain = 4
  var runtimeThreads = 4
  /// The start-up heaps of Go programs, where recorded (nil: every program starts as `startup`).
  var goProgramStartups: GoProgramStartups? = nil
  var pacerModel: PacerModel
  var collector: CollectorModel
  /// Go 1.0: GOGC=off makes runtime.GC() (and the scavenger's forced GC) return at once.
  var gcOffDisablesRuntimeGC: Bool
  /// The prefix of the runtime's fatal errors: `fatal error: ` (Go 1.1+) or `throw: ` (Go 1.0).
  public var fatalErrorPrefix: String
  /// How the builtins print and println write a float (runtime/print.go printfloat).
  public var printFloats: PrintFloats = .sevenDigits
  /// growslice's panic for a new length that overflows or a capacity past maxAlloc (slice.go):
  /// `growslice: cap out of range` in Go 1.19 (both checks), `growslice: len out of range`
  /// since Go 1.20 (Tests/Recordings/runs/hugegrow). go1.0 keeps the 1.19 text: its C append
  /// (slice.c) is not recorded.
  public var growsliceOutOfRange = "growslice: cap out of range"
  /// MemStats fields the era has (nil: all of them).
  public var memStatsFields: Set<String>?
  public var forcedGC: ForcedGCPolicy
  public var scavenger: ScavengerPolicy
  /// The release mechanism per operating system (mem_*.go / mem_*.c of the era).
  var releaseByOS: [OperatingSystem: ReleaseMechanism]
  /// The huge-page size where the runtime advises the kernel on huge pages for its heap (Go 1.19's
  /// sysUsedOS/sysUnusedOS on Linux: MADV_HUGEPAGE and MADV_NOHUGEPAGE), the THP-backed release
  /// granularity of its scavenger; nil for an era that leaves huge pages to the kernel (Go 1.21+).
  var hugePageAdviceBytes: Int? {
    if case .paced(let p) = scavenger { return p.hugePageBytes }
    return nil
  }
  /// The release mechanism on Linux (MADV_DONTNEED since Go 1.16, and in Go 1.0-1.11).
  var defaultRelease: ReleaseMechanism { releaseByOS[.linux] ?? .dontNeed }
  /// 1.27 (mheap.go initSpan): a span made only of released pages is not re-zeroed on reuse
  /// (the kernel hands back zero pages) unless pages were released with MADV_FREE.
  var skipZeroingOfReleasedSpans: Bool
  /// A fill loop compiled to a non-preemptible memclr holds off mark termination until it ends
  /// (1.19: `runtime.memclrNoHeapPointers`; GC 1's mark lasted the whole fill in most runs).
  /// go1.27 usually finished GC 1 before the fill (14 of 16 runs): false, the common case.
  var fillBlocksMarkTermination: Bool
  /// A large object's memory is zeroed after the heap trigger has been tested (1.27 malloc.go
  /// mallocgcLarge: gcStart, then memclrNoHeapPointersChunked "late, in a preemptible
  /// context"), so a cycle the allocation starts marks while its memclr runs. 1.19's mallocgc
  /// zeroes first (delayedZeroing, before `shouldhelpgc`); Go 1.0 zeroes in MHeap_Alloc.
  var zeroLargeAfterTrigger: Bool
  var metadata: MetadataModel
  /// gctrace and scavtrace formats.
  public var traceFormat: TraceFormat
  var startup: StartupState
  /// How goroutine stacks are allocated, grown, shrunk and counted (Stacks.swift).
  var stacks: StackModel
  public var cost: CostModel
  /// The runtime's span structures, mcaches and profiling buckets (MetadataAllocators.swift).
  var metadataAllocators: MetadataAllocatorModel

  /// runtime.Version() of the toolchain whose runs the profile reproduces (Go 1.0's release
  /// said "go1").
  public var toolchainVersion: String {
    version >= GoVersion(1, 27) ? "go1.27.3" : version >= GoVersion(1, 19) ? "go1.19.8" : "go1"
  }

  /// Whether this era has `feature`.
  public func has(_ feature: RuntimeFeature) -> Bool { version >= feature.since }

  /// Profiles by name.
  static let all: [RuntimeProfile] = [.go127, .go119, .go10]

  /// Looks up a profile by the name the user types ("go1.27", "1.27").
  public static func named(_ name: String) -> RuntimeProfile? {
    let n = name.hasPrefix("go") ? name : "go" + name
    return all.first { $0.name == n }
  }
}

extension RuntimeProfile {
  /// The process before main for `start`. A script starts as the anchors' programs did. A Go
  /// program starts with the recorded heap of its kind. `go list -deps` (Go 1.19.8 and 1.27.3):
  /// fmt's closure has every package init that allocates (unicode, os, syscall, internal/poll,
  /// io, time, ...), and runtime/debug and log import fmt; os's has them all but unicode's and fmt's
  /// (12 KiB in Go 1.19.8); a program that imports neither finds the runtime's own objects alone.
  /// Left out: the few objects of the inits of time's, strings' or strconv's closures in a
  /// program without fmt or os (Go 1.27.3's inittrace: syscall 5 objects, unicode 4; Go
  /// 1.19.8's unicode 12 KiB).
  func startup(for start: ProgramStart) -> StartupState {
    guard case .goProgram(let imports) = start, let programs = goProgramStartups else { return startup }
    var heap =
      imports.contains("fmt") || imports.contains("runtime/debug") || imports.contains("log")
      ? programs.withFmt : imports.contains("os") ? programs.withOS : programs.runtimeOnly
    if imports.contains("math/rand"), let godebug = programs.godebugInit {
      heap.bySize.merge(godebug.bySize, uniquingKeysWith: +)
      heap.inUsePages += godebug.inUsePages
    }
    return startup.replacingHeap(with: heap, classes: sizeClasses)
  }
}

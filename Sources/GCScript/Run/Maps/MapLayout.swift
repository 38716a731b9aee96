// MapLayout: what the runtime knows about one map type — abi.MapType (Go 1.24+) or the
// compiler-built maptype (Go 1.19): the key and element types, the layout of a group or bucket
// as cmd/compile/internal/reflectdata/map.go (MapGroupType) and reflect.go (MapBucketType)
// build it, the header's layout (reflectdata MapType / hmap), and which runtime entry points
// the compiler picks for the key (walk/walk.go mapfast: the _fast32, _fast64, _faststr
// variants differ from the generic ones in how they treat tombstones).
//
// Every allocation a map makes goes through GoHeap with one of these GoTypes, so its size
// class, its pointer words (what the collector scans: the keys' and elements' pointers) and
// the statistics are the runtime's.

import GoHeap

/// The runtime's map implementation of an era.
enum MapModel {
  /// Go 1.24+: Swiss tables, internal/runtime/maps (SwissMap.swift).
  case swiss
  /// Go 1.19 (since Go 1.5 much the same): runtime/map.go's hmap and buckets (HashMap.swift).
  case buckets
}

/// The map entry points the compiler calls for a key type (walk/walk.go mapfast).
enum MapVariant {
  case slow, fast32, fast64, fast64ptr, faststr
}

/// One map type's runtime description.
final class MapLayout {
  let mapType: GoType
  let key: GoType
  let elem: GoType
  let model: MapModel
  /// The key and element as stored in a slot: themselves, or a pointer to a separately
  /// allocated one when larger than 128 bytes (abi.MapMaxKeyBytes, MapMaxElemBytes;
  /// Go 1.19's maxKeySize, maxElemSize) — IndirectKey, IndirectElem.
  let storedKey: GoType
  let storedElem: GoType
  var indirectKey: Bool { storedKey !== key }
  var indirectElem: Bool { storedElem !== elem }
  /// Go 1.27: the group type `struct { ctrl uint64; slots [8]struct{ key K; elem V } }`
  /// (interleaved: GOEXPERIMENT=mapsplitgroup is off by default). Go 1.19: the bucket type
  /// `struct { topbits [8]uint8; keys [8]K; elems [8]V; overflow *bucket }` (reflect.go
  /// MapBucketType; its overflow pointer is a uintptr when neither keys nor elements hold
  /// pointers, and the overflow buckets are then kept alive by hmap.extra).
  let group: GoType
  /// Byte offsets in a group (bucket) of slot i's key and element: keysOff + i * keyStride,
  /// elemsOff + i * elemStride (abi.MapType KeysOff, KeyStride, ElemsOff, ElemStride).
  let keysOff: Int
  let keyStride: Int
  let elemsOff: Int
  let elemStride: Int
  /// Go 1.19: the bucket's overflow pointer's offset.
  let overflowOff: Int
  /// The map header: internal/runtime/maps.Map (48 B) or runtime.hmap (48 B).
  let header: GoType
  /// Go 1.27's table (32 B) and the directory's element (*table).
  let table: GoType
  let tablePointer: GoType
  /// Go 1.19's mapextra (three words) and the []*bmap its overflow fields point to.
  let mapExtra: GoType
  let bucketPointerSlice: GoType
  let bucketPointer: GoType
  let variant: MapVariant
  /// Whether a stored key must be overwritten by an equal one (floats: +0 and -0; strings:
  /// another pointer; abi.MapNeedKeyUpdate).
  let needKeyUpdate: Bool
  /// The key is one 64-bit word compared by its bits (an int, uint64, uintptr, pointer or map).
  let wordKey: Bool

  init(_ mapType: GoType, model: MapModel) {
    self.mapType = mapType
    (key, elem) = mapType.mapTypes!
    self.model = model
    storedKey = key.size > 128 ? .pointer(to: key) : key
    storedElem = elem.size > 128 ? .pointer(to: elem) : elem
    let unsafePointer = GoType.pointer(to: .uint8)
    switch model {
    case .swiss:
      // reflectdata/map.go MapGroupType, interleaved slot layout.
      let slot = GoType.structure([("key", storedKey), ("elem", storedElem)])
      group = .structure([("ctrl", .uint64), ("slots", .array(of: slot, count: 8))])
      keysOff = 8
      keyStride = slot.size
      elemsOff = 8 + slot.structFields![1].offset
      elemStride = slot.size
      overflowOff = 0
      // reflectdata/map.go MapType: internal/runtime/maps.Map.
      header = .structure([
        ("used", .uint64), ("seed", .uintptr), ("dirPtr", unsafePointer), ("dirLen", .int),
        ("globalDepth", .uint8), ("globalShift", .uint8), ("writing", .uint8),
        ("tombstonePossible", .bool), ("clearSeq", .uint64),
      ])
    case .buckets:
      // reflect.go MapBucketType: tophash, keys, elems, overflow.
      let keys = GoType.array(of: storedKey, count: 8)
      let elems = GoType.array(of: storedElem, count: 8)
      let pointerful = storedKey.hasPointers || storedElem.hasPointers
      let overflow: GoType = pointerful ? unsafePointer : .uintptr
      group = .structure([
        ("topbits", .array(of: .uint8, count: 8)), ("keys", keys), ("elems", elems),
        ("overflow", overflow),
      ])
      let fields = group.structFields!
      keysOff = fields[1].offset
      keyStride = storedKey.size
      elemsOff = fields[2].offset
      elemStride = storedElem.size
      overflowOff = fields[3].offset
      // reflect.go MapType: runtime.hmap.
      header = .structure([
        ("count", .int), ("flags", .uint8), ("B", .uint8), ("noverflow", .uint16),
        ("hash0", .uint32), ("buckets", unsafePointer), ("oldbuckets", unsafePointer),
        ("nevacuate", .uintptr), ("extra", unsafePointer),
      ])
    }
    table = .structure([
      ("used", .uint16), ("capacity", .uint16), ("growthLeft", .uint16), ("localDepth", .uint8),
      ("index", .int), ("groups_data", unsafePointer), ("groups_lengthMask", .uint64),
    ])
    tablePointer = .pointer(to: table)
    bucketPointer = .pointer(to: group)
    bucketPointerSlice = .slice(of: bucketPointer)
    mapExtra = .structure([
      ("overflow", .pointer(to: bucketPointerSlice)), ("oldoverflow", .pointer(to: bucketPointerSlice)),
      ("nextOverflow", bucketPointer),
    ])
    variant = Self.variant(key: key, elem: elem)
    needKeyUpdate = Self.needsKeyUpdate(key)
    switch key.kind {
    case .int(64, _), .uintptr, .pointer, .map: wordKey = true
    default: wordKey = false
    }
  }

  /// walk.go mapfast: elements over 128 bytes take the generic path; 4-byte pointer-free
  /// memory keys fast32, 8-byte ones fast64 (pointers fast64ptr), strings faststr. Floats and
  /// bools are not AMEM32/AMEM64 (their algorithm differs), nor a struct or array less aligned
  /// than its size ([2]int32).
  static func variant(key: GoType, elem: GoType) -> MapVariant {
    if elem.size > 128 { return .slow }
    switch key.kind {
    case .string: return .faststr
    case .pointer, .map: return .fast64ptr
    case .int(let bits, _) where bits == 32: return .fast32
    case .int(let bits, _) where bits == 64: return .fast64
    case .uintptr: return .fast64
    default: return .slow
    }
  }

  /// abi.MapNeedKeyUpdate (reflectdata needkeyupdate): keys whose equal values can differ in
  /// their bits — floats (+0, -0), strings (different pointers), and aggregates holding them.
  static func needsKeyUpdate(_ t: GoType) -> Bool {
    switch t.kind {
    case .float, .string: return true
    case .array(let e, _): return needsKeyUpdate(e)
    case .structure(let fs): return fs.contains { needsKeyUpdate($0.type) }
    default: return false
    }
  }
}

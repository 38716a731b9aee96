// The signatures of the strings package's functions gcsh runs natively (Run/VM+StringsFuncs.swift):
// strings.go in Go 1.19.8 and 1.27.3 (identical for these).

import GoHeap

extension Builtin {
  /// Parameter types and result type of a strings function gcsh has, as strings.go declares it
  /// (byte is uint8, rune int32); nil for any other builtin.
  var stringsSignature: (params: [GoType], result: GoType)? {
    switch self {
    case .stringsContains, .stringsHasPrefix, .stringsHasSuffix: return ([.string, .string], .bool)
    case .stringsContainsRune: return ([.string, .int32], .bool)
    case .stringsIndex, .stringsLastIndex: return ([.string, .string], .int)
    case .stringsIndexByte: return ([.string, .uint8], .int)
    case .stringsTrimSpace, .stringsToUpper, .stringsToLower: return ([.string], .string)
    case .stringsTrimPrefix, .stringsTrimSuffix: return ([.string, .string], .string)
    case .stringsSplit: return ([.string, .string], .slice(of: .string))
    case .stringsFields: return ([.string], .slice(of: .string))
    case .stringsJoin: return ([.slice(of: .string), .string], .string)
    case .stringsReplace: return ([.string, .string, .string, .int], .string)
    case .stringsReplaceAll: return ([.string, .string, .string], .string)
    default: return nil
    }
  }
}

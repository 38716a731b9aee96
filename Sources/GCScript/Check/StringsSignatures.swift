// The signatures of the strings and strconv functions gcsh runs natively (Run/VM+StringsFuncs.swift,
// Run/VM+StrconvParse.swift): strings.go and strconv's in Go 1.19.8 and 1.27.3 (identical for
// these).

import GoHeap

extension Builtin {
  /// Parameter types and result type of a strings function gcsh has, as strings.go declares it
  /// (byte is uint8, rune int32); nil for any other builtin.
  /// The results of strconv's parsers: the value, then the error.
  var parseResults: [GoType]? {
    switch self {
    case .strconvParseInt: return [.int64, .error]
    case .strconvParseUint: return [.uint64, .error]
    case .strconvParseFloat: return [.float64, .error]
    case .strconvParseBool: return [.bool, .error]
    case .strconvUnquote: return [.string, .error]
    default: return nil
    }
  }

  /// The parameters and results of a package function gcsh can give as a value (`f :=
  /// strings.ToUpper`, `FieldsFunc(s, unicode.IsSpace)`, `Map(xs, strconv.Itoa)`): strings',
  /// strconv's, math's and unicode's; nil for the rest.
  var valueSignature: (params: [GoType], results: [GoType])? {
    switch self {
    case .strconvItoa: return ([.int], [.string])
    case .strconvFormatInt: return ([.int64, .int], [.string])
    case .strconvFormatUint: return ([.uint64, .int], [.string])
    case .strconvAtoi: return ([.string], [.int, .error])
    default: break
    }
    if let (params, result) = stringsSignature {
      if let parts = parseResults { return (params, parts) }
      // (strings.Cut's three results are a tuple whose parts gcsh does not keep.)
      return result.isTuple ? nil : (params, [result])
    }
    if let m = mathSignature { return m }
    if let r = unicodeResult { return ([.int32], [r]) }
    return nil
  }

  var stringsSignature: (params: [GoType], result: GoType)? {
    switch self {
    case .stringsContains, .stringsHasPrefix, .stringsHasSuffix: return ([.string, .string], .bool)
    case .stringsContainsRune: return ([.string, .int32], .bool)
    case .stringsIndex, .stringsLastIndex, .stringsCompare: return ([.string, .string], .int)
    case .stringsIndexByte: return ([.string, .uint8], .int)
    case .stringsTrimSpace, .stringsToUpper, .stringsToLower: return ([.string], .string)
    case .stringsTrimPrefix, .stringsTrimSuffix: return ([.string, .string], .string)
    case .stringsSplit: return ([.string, .string], .slice(of: .string))
    case .stringsTrim, .stringsTrimLeft, .stringsTrimRight: return ([.string, .string], .string)
    case .stringsSplitN: return ([.string, .string, .int], .slice(of: .string))
    case .stringsCut: return ([.string, .string], tupleType([.string, .string, .bool]))
    case .stringsIndexAny, .stringsLastIndexAny: return ([.string, .string], .int)
    case .stringsContainsAny: return ([.string, .string], .bool)
    case .stringsLastIndexByte: return ([.string, .uint8], .int)
    case .stringsIndexRune: return ([.string, .int32], .int)
    case .stringsTitle: return ([.string], .string)
    case .stringsFieldsFunc:
      return ([.string, .function(params: [.int32], results: [.bool], variadic: false)], .slice(of: .string))
    case .stringsIndexFunc, .stringsLastIndexFunc:
      return ([.string, .function(params: [.int32], results: [.bool], variadic: false)], .int)
    case .stringsTrimFunc, .stringsTrimLeftFunc, .stringsTrimRightFunc:
      return ([.string, .function(params: [.int32], results: [.bool], variadic: false)], .string)
    case .stringsMap: return ([.function(params: [.int32], results: [.int32], variadic: false), .string], .string)
    case .stringsFields: return ([.string], .slice(of: .string))
    case .stringsJoin: return ([.slice(of: .string), .string], .string)
    case .stringsReplace: return ([.string, .string, .string, .int], .string)
    case .stringsReplaceAll: return ([.string, .string, .string], .string)
    case .stringsEqualFold: return ([.string, .string], .bool)
    // strconv (atoi.go, atof.go, atob.go, ftoa.go, quote.go).
    case .strconvParseInt, .strconvParseUint: return ([.string, .int, .int], tupleType(parseResults!))
    case .strconvParseFloat: return ([.string, .int], tupleType(parseResults!))
    case .strconvParseBool: return ([.string], tupleType(parseResults!))
    case .strconvFormatFloat: return ([.float64, .uint8, .int, .int], .string)
    case .strconvFormatBool: return ([.bool], .string)
    case .strconvQuote, .strconvQuoteToASCII: return ([.string], .string)
    case .strconvAppendInt: return ([.slice(of: .uint8), .int64, .int], .slice(of: .uint8))
    case .strconvAppendUint: return ([.slice(of: .uint8), .uint64, .int], .slice(of: .uint8))
    case .strconvAppendBool: return ([.slice(of: .uint8), .bool], .slice(of: .uint8))
    case .strconvAppendQuote: return ([.slice(of: .uint8), .string], .slice(of: .uint8))
    case .strconvAppendFloat: return ([.slice(of: .uint8), .float64, .uint8, .int, .int], .slice(of: .uint8))
    case .strconvUnquote: return ([.string], tupleType([.string, .error]))
    default: return nil
    }
  }
}

// unicode/utf8 as a library compiled from Go source (Libraries.swift): its functions allocate
// nothing, and what matters for memory is what Go's compiler does with them — which of them
// inline into the program (`inlining call to utf8.RuneLen`), so the source is each Go's own.
// Go 1.27.3's utf8.go has ASCII fast paths split from the slow paths (DecodeRuneInString
// inlines, decodeRuneInStringSlow does not); Go 1.19.8's has not. Comments cut, otherwise as
// in each Go's src/unicode/utf8/utf8.go.

import GoHeap

extension Library {
  /// unicode/utf8 of the profile's Go (Go 1.19.8's for go1.19 and go1.0).
  static func utf8(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 21) ? utf8127 : utf8119
  }

  /// Go 1.27.3's utf8.go.
  static let utf8127 = Library(package: "utf8", path: "unicode/utf8", text: #"""
    const (
    	RuneError = '\uFFFD'
    	RuneSelf  = 0x80
    	MaxRune   = '\U0010FFFF'
    	UTFMax    = 4
    )

    const (
    	surrogateMin = 0xD800
    	surrogateMax = 0xDFFF
    )

    const (
    	t1 = 0b00000000
    	tx = 0b10000000
    	t2 = 0b11000000
    	t3 = 0b11100000
    	t4 = 0b11110000
    	t5 = 0b11111000

    	maskx = 0b00111111
    	mask2 = 0b00011111
    	mask3 = 0b00001111
    	mask4 = 0b00000111

    	rune1Max = 1<<7 - 1
    	rune2Max = 1<<11 - 1
    	rune3Max = 1<<16 - 1

    	locb = 0b10000000
    	hicb = 0b10111111

    	xx = 0xF1
    	as = 0xF0
    	s1 = 0x02
    	s2 = 0x13
    	s3 = 0x03
    	s4 = 0x23
    	s5 = 0x34
    	s6 = 0x04
    	s7 = 0x44
    )

    const (
    	runeErrorByte0 = t3 | (RuneError >> 12)
    	runeErrorByte1 = tx | (RuneError>>6)&maskx
    	runeErrorByte2 = tx | RuneError&maskx
    )

    var first = [256]uint8{
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1,
    	s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1,
    	s2, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s4, s3, s3,
    	s5, s6, s6, s6, s7, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    }

    type acceptRange struct {
    	lo uint8
    	hi uint8
    }

    var acceptRanges = [16]acceptRange{
    	0: {locb, hicb},
    	1: {0xA0, hicb},
    	2: {locb, 0x9F},
    	3: {0x90, hicb},
    	4: {locb, 0x8F},
    }

    func FullRune(p []byte) bool {
    	n := len(p)
    	if n == 0 {
    		return false
    	}
    	x := first[p[0]]
    	if n >= int(x&7) {
    		return true
    	}
    	accept := acceptRanges[x>>4]
    	if n > 1 && (p[1] < accept.lo || accept.hi < p[1]) {
    		return true
    	} else if n > 2 && (p[2] < locb || hicb < p[2]) {
    		return true
    	}
    	return false
    }

    func FullRuneInString(s string) bool {
    	n := len(s)
    	if n == 0 {
    		return false
    	}
    	x := first[s[0]]
    	if n >= int(x&7) {
    		return true
    	}
    	accept := acceptRanges[x>>4]
    	if n > 1 && (s[1] < accept.lo || accept.hi < s[1]) {
    		return true
    	} else if n > 2 && (s[2] < locb || hicb < s[2]) {
    		return true
    	}
    	return false
    }

    func DecodeRune(p []byte) (r rune, size int) {
    	for _, b := range p {
    		if b < RuneSelf {
    			return rune(b), 1
    		}
    		break
    	}
    	r, size = decodeRuneSlow(p)
    	return
    }

    func decodeRuneSlow(p []byte) (r rune, size int) {
    	n := len(p)
    	if n < 1 {
    		return RuneError, 0
    	}
    	p0 := p[0]
    	x := first[p0]
    	if x >= as {
    		mask := rune(x) << 31 >> 31
    		return rune(p[0])&^mask | RuneError&mask, 1
    	}
    	sz := int(x & 7)
    	accept := acceptRanges[x>>4]
    	if n < sz {
    		return RuneError, 1
    	}
    	b1 := p[1]
    	if b1 < accept.lo || accept.hi < b1 {
    		return RuneError, 1
    	}
    	if sz <= 2 {
    		return rune(p0&mask2)<<6 | rune(b1&maskx), 2
    	}
    	b2 := p[2]
    	if b2 < locb || hicb < b2 {
    		return RuneError, 1
    	}
    	if sz <= 3 {
    		return rune(p0&mask3)<<12 | rune(b1&maskx)<<6 | rune(b2&maskx), 3
    	}
    	b3 := p[3]
    	if b3 < locb || hicb < b3 {
    		return RuneError, 1
    	}
    	return rune(p0&mask4)<<18 | rune(b1&maskx)<<12 | rune(b2&maskx)<<6 | rune(b3&maskx), 4
    }

    func DecodeRuneInString(s string) (r rune, size int) {
    	if s != "" && s[0] < RuneSelf {
    		return rune(s[0]), 1
    	} else {
    		r, size = decodeRuneInStringSlow(s)
    	}
    	return
    }

    func decodeRuneInStringSlow(s string) (rune, int) {
    	n := len(s)
    	if n < 1 {
    		return RuneError, 0
    	}
    	s0 := s[0]
    	x := first[s0]
    	if x >= as {
    		mask := rune(x) << 31 >> 31
    		return rune(s[0])&^mask | RuneError&mask, 1
    	}
    	sz := int(x & 7)
    	accept := acceptRanges[x>>4]
    	if n < sz {
    		return RuneError, 1
    	}
    	s1 := s[1]
    	if s1 < accept.lo || accept.hi < s1 {
    		return RuneError, 1
    	}
    	if sz <= 2 {
    		return rune(s0&mask2)<<6 | rune(s1&maskx), 2
    	}
    	s2 := s[2]
    	if s2 < locb || hicb < s2 {
    		return RuneError, 1
    	}
    	if sz <= 3 {
    		return rune(s0&mask3)<<12 | rune(s1&maskx)<<6 | rune(s2&maskx), 3
    	}
    	s3 := s[3]
    	if s3 < locb || hicb < s3 {
    		return RuneError, 1
    	}
    	return rune(s0&mask4)<<18 | rune(s1&maskx)<<12 | rune(s2&maskx)<<6 | rune(s3&maskx), 4
    }

    func DecodeLastRune(p []byte) (r rune, size int) {
    	end := len(p)
    	if end == 0 {
    		return RuneError, 0
    	}
    	start := end - 1
    	r = rune(p[start])
    	if r < RuneSelf {
    		return r, 1
    	}
    	lim := max(end-UTFMax, 0)
    	for start--; start >= lim; start-- {
    		if RuneStart(p[start]) {
    			break
    		}
    	}
    	if start < 0 {
    		start = 0
    	}
    	r, size = DecodeRune(p[start:end])
    	if start+size != end {
    		return RuneError, 1
    	}
    	return r, size
    }

    func DecodeLastRuneInString(s string) (r rune, size int) {
    	end := len(s)
    	if end == 0 {
    		return RuneError, 0
    	}
    	start := end - 1
    	r = rune(s[start])
    	if r < RuneSelf {
    		return r, 1
    	}
    	lim := max(end-UTFMax, 0)
    	for start--; start >= lim; start-- {
    		if RuneStart(s[start]) {
    			break
    		}
    	}
    	if start < 0 {
    		start = 0
    	}
    	r, size = DecodeRuneInString(s[start:end])
    	if start+size != end {
    		return RuneError, 1
    	}
    	return r, size
    }

    func RuneLen(r rune) int {
    	switch {
    	case r < 0:
    		return -1
    	case r <= rune1Max:
    		return 1
    	case r <= rune2Max:
    		return 2
    	case surrogateMin <= r && r <= surrogateMax:
    		return -1
    	case r <= rune3Max:
    		return 3
    	case r <= MaxRune:
    		return 4
    	}
    	return -1
    }

    func EncodeRune(p []byte, r rune) int {
    	if uint32(r) <= rune1Max {
    		p[0] = byte(r)
    		return 1
    	}
    	return encodeRuneNonASCII(p, r)
    }

    func encodeRuneNonASCII(p []byte, r rune) int {
    	switch i := uint32(r); {
    	case i <= rune2Max:
    		_ = p[1]
    		p[0] = t2 | byte(r>>6)
    		p[1] = tx | byte(r)&maskx
    		return 2
    	case i < surrogateMin, surrogateMax < i && i <= rune3Max:
    		_ = p[2]
    		p[0] = t3 | byte(r>>12)
    		p[1] = tx | byte(r>>6)&maskx
    		p[2] = tx | byte(r)&maskx
    		return 3
    	case i > rune3Max && i <= MaxRune:
    		_ = p[3]
    		p[0] = t4 | byte(r>>18)
    		p[1] = tx | byte(r>>12)&maskx
    		p[2] = tx | byte(r>>6)&maskx
    		p[3] = tx | byte(r)&maskx
    		return 4
    	default:
    		_ = p[2]
    		p[0] = runeErrorByte0
    		p[1] = runeErrorByte1
    		p[2] = runeErrorByte2
    		return 3
    	}
    }

    func AppendRune(p []byte, r rune) []byte {
    	if uint32(r) <= rune1Max {
    		return append(p, byte(r))
    	}
    	return appendRuneNonASCII(p, r)
    }

    func appendRuneNonASCII(p []byte, r rune) []byte {
    	switch i := uint32(r); {
    	case i <= rune2Max:
    		return append(p, t2|byte(r>>6), tx|byte(r)&maskx)
    	case i < surrogateMin, surrogateMax < i && i <= rune3Max:
    		return append(p, t3|byte(r>>12), tx|byte(r>>6)&maskx, tx|byte(r)&maskx)
    	case i > rune3Max && i <= MaxRune:
    		return append(p, t4|byte(r>>18), tx|byte(r>>12)&maskx, tx|byte(r>>6)&maskx, tx|byte(r)&maskx)
    	default:
    		return append(p, runeErrorByte0, runeErrorByte1, runeErrorByte2)
    	}
    }

    func RuneCount(p []byte) int {
    	np := len(p)
    	var n int
    	for ; n < np; n++ {
    		if c := p[n]; c >= RuneSelf {
    			return n + RuneCountInString(string(p[n:]))
    		}
    	}
    	return n
    }

    func RuneCountInString(s string) (n int) {
    	for range s {
    		n++
    	}
    	return n
    }

    func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

    const ptrSize = 4 << (^uintptr(0) >> 63)
    const hiBits = 0x8080808080808080 >> (64 - 8*ptrSize)

    func word[T string | []byte](s T) uintptr {
    	if ptrSize == 4 {
    		return uintptr(s[0]) | uintptr(s[1])<<8 | uintptr(s[2])<<16 | uintptr(s[3])<<24
    	}
    	return uintptr(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
    }

    func Valid(p []byte) bool {
    	p = p[:len(p):len(p)]

    	for len(p) > 0 {
    		p0 := p[0]
    		if p0 < RuneSelf {
    			p = p[1:]
    			if len(p) > ptrSize && word(p)&hiBits == 0 {
    				p = p[ptrSize:]
    				if len(p) > 2*ptrSize && (word(p)|word(p[ptrSize:]))&hiBits == 0 {
    					p = p[2*ptrSize:]
    					for len(p) > 4*ptrSize && ((word(p)|word(p[ptrSize:]))|(word(p[2*ptrSize:])|word(p[3*ptrSize:])))&hiBits == 0 {
    						p = p[4*ptrSize:]
    					}
    				}
    			}
    			continue
    		}
    		x := first[p0]
    		size := int(x & 7)
    		accept := acceptRanges[x>>4]
    		switch size {
    		case 2:
    			if len(p) < 2 || p[1] < accept.lo || accept.hi < p[1] {
    				return false
    			}
    			p = p[2:]
    		case 3:
    			if len(p) < 3 || p[1] < accept.lo || accept.hi < p[1] || p[2] < locb || hicb < p[2] {
    				return false
    			}
    			p = p[3:]
    		case 4:
    			if len(p) < 4 || p[1] < accept.lo || accept.hi < p[1] || p[2] < locb || hicb < p[2] || p[3] < locb || hicb < p[3] {
    				return false
    			}
    			p = p[4:]
    		default:
    			return false
    		}
    	}
    	return true
    }

    func ValidString(s string) bool {
    	for len(s) > 0 {
    		s0 := s[0]
    		if s0 < RuneSelf {
    			s = s[1:]
    			if len(s) > ptrSize && word(s)&hiBits == 0 {
    				s = s[ptrSize:]
    				if len(s) > 2*ptrSize && (word(s)|word(s[ptrSize:]))&hiBits == 0 {
    					s = s[2*ptrSize:]
    					for len(s) > 4*ptrSize && ((word(s)|word(s[ptrSize:]))|(word(s[2*ptrSize:])|word(s[3*ptrSize:])))&hiBits == 0 {
    						s = s[4*ptrSize:]
    					}
    				}
    			}
    			continue
    		}
    		x := first[s0]
    		size := int(x & 7)
    		accept := acceptRanges[x>>4]
    		switch size {
    		case 2:
    			if len(s) < 2 || s[1] < accept.lo || accept.hi < s[1] {
    				return false
    			}
    			s = s[2:]
    		case 3:
    			if len(s) < 3 || s[1] < accept.lo || accept.hi < s[1] || s[2] < locb || hicb < s[2] {
    				return false
    			}
    			s = s[3:]
    		case 4:
    			if len(s) < 4 || s[1] < accept.lo || accept.hi < s[1] || s[2] < locb || hicb < s[2] || s[3] < locb || hicb < s[3] {
    				return false
    			}
    			s = s[4:]
    		default:
    			return false
    		}
    	}
    	return true
    }

    func ValidRune(r rune) bool {
    	switch {
    	case 0 <= r && r < surrogateMin:
    		return true
    	case surrogateMax < r && r <= MaxRune:
    		return true
    	}
    	return false
    }
    """#)

  /// Go 1.19.8's utf8.go.
  static let utf8119 = Library(package: "utf8", path: "unicode/utf8", text: #"""
    const (
    	RuneError = '\uFFFD'
    	RuneSelf  = 0x80
    	MaxRune   = '\U0010FFFF'
    	UTFMax    = 4
    )

    const (
    	surrogateMin = 0xD800
    	surrogateMax = 0xDFFF
    )

    const (
    	t1 = 0b00000000
    	tx = 0b10000000
    	t2 = 0b11000000
    	t3 = 0b11100000
    	t4 = 0b11110000
    	t5 = 0b11111000

    	maskx = 0b00111111
    	mask2 = 0b00011111
    	mask3 = 0b00001111
    	mask4 = 0b00000111

    	rune1Max = 1<<7 - 1
    	rune2Max = 1<<11 - 1
    	rune3Max = 1<<16 - 1

    	locb = 0b10000000
    	hicb = 0b10111111

    	xx = 0xF1
    	as = 0xF0
    	s1 = 0x02
    	s2 = 0x13
    	s3 = 0x03
    	s4 = 0x23
    	s5 = 0x34
    	s6 = 0x04
    	s7 = 0x44
    )

    var first = [256]uint8{
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	as, as, as, as, as, as, as, as, as, as, as, as, as, as, as, as,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    	xx, xx, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1,
    	s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1,
    	s2, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s4, s3, s3,
    	s5, s6, s6, s6, s7, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx, xx,
    }

    type acceptRange struct {
    	lo uint8
    	hi uint8
    }

    var acceptRanges = [16]acceptRange{
    	0: {locb, hicb},
    	1: {0xA0, hicb},
    	2: {locb, 0x9F},
    	3: {0x90, hicb},
    	4: {locb, 0x8F},
    }

    func FullRune(p []byte) bool {
    	n := len(p)
    	if n == 0 {
    		return false
    	}
    	x := first[p[0]]
    	if n >= int(x&7) {
    		return true
    	}
    	accept := acceptRanges[x>>4]
    	if n > 1 && (p[1] < accept.lo || accept.hi < p[1]) {
    		return true
    	} else if n > 2 && (p[2] < locb || hicb < p[2]) {
    		return true
    	}
    	return false
    }

    func FullRuneInString(s string) bool {
    	n := len(s)
    	if n == 0 {
    		return false
    	}
    	x := first[s[0]]
    	if n >= int(x&7) {
    		return true
    	}
    	accept := acceptRanges[x>>4]
    	if n > 1 && (s[1] < accept.lo || accept.hi < s[1]) {
    		return true
    	} else if n > 2 && (s[2] < locb || hicb < s[2]) {
    		return true
    	}
    	return false
    }

    func DecodeRune(p []byte) (r rune, size int) {
    	n := len(p)
    	if n < 1 {
    		return RuneError, 0
    	}
    	p0 := p[0]
    	x := first[p0]
    	if x >= as {
    		mask := rune(x) << 31 >> 31
    		return rune(p[0])&^mask | RuneError&mask, 1
    	}
    	sz := int(x & 7)
    	accept := acceptRanges[x>>4]
    	if n < sz {
    		return RuneError, 1
    	}
    	b1 := p[1]
    	if b1 < accept.lo || accept.hi < b1 {
    		return RuneError, 1
    	}
    	if sz <= 2 {
    		return rune(p0&mask2)<<6 | rune(b1&maskx), 2
    	}
    	b2 := p[2]
    	if b2 < locb || hicb < b2 {
    		return RuneError, 1
    	}
    	if sz <= 3 {
    		return rune(p0&mask3)<<12 | rune(b1&maskx)<<6 | rune(b2&maskx), 3
    	}
    	b3 := p[3]
    	if b3 < locb || hicb < b3 {
    		return RuneError, 1
    	}
    	return rune(p0&mask4)<<18 | rune(b1&maskx)<<12 | rune(b2&maskx)<<6 | rune(b3&maskx), 4
    }

    func DecodeRuneInString(s string) (r rune, size int) {
    	n := len(s)
    	if n < 1 {
    		return RuneError, 0
    	}
    	s0 := s[0]
    	x := first[s0]
    	if x >= as {
    		mask := rune(x) << 31 >> 31
    		return rune(s[0])&^mask | RuneError&mask, 1
    	}
    	sz := int(x & 7)
    	accept := acceptRanges[x>>4]
    	if n < sz {
    		return RuneError, 1
    	}
    	s1 := s[1]
    	if s1 < accept.lo || accept.hi < s1 {
    		return RuneError, 1
    	}
    	if sz <= 2 {
    		return rune(s0&mask2)<<6 | rune(s1&maskx), 2
    	}
    	s2 := s[2]
    	if s2 < locb || hicb < s2 {
    		return RuneError, 1
    	}
    	if sz <= 3 {
    		return rune(s0&mask3)<<12 | rune(s1&maskx)<<6 | rune(s2&maskx), 3
    	}
    	s3 := s[3]
    	if s3 < locb || hicb < s3 {
    		return RuneError, 1
    	}
    	return rune(s0&mask4)<<18 | rune(s1&maskx)<<12 | rune(s2&maskx)<<6 | rune(s3&maskx), 4
    }

    func DecodeLastRune(p []byte) (r rune, size int) {
    	end := len(p)
    	if end == 0 {
    		return RuneError, 0
    	}
    	start := end - 1
    	r = rune(p[start])
    	if r < RuneSelf {
    		return r, 1
    	}
    	lim := end - UTFMax
    	if lim < 0 {
    		lim = 0
    	}
    	for start--; start >= lim; start-- {
    		if RuneStart(p[start]) {
    			break
    		}
    	}
    	if start < 0 {
    		start = 0
    	}
    	r, size = DecodeRune(p[start:end])
    	if start+size != end {
    		return RuneError, 1
    	}
    	return r, size
    }

    func DecodeLastRuneInString(s string) (r rune, size int) {
    	end := len(s)
    	if end == 0 {
    		return RuneError, 0
    	}
    	start := end - 1
    	r = rune(s[start])
    	if r < RuneSelf {
    		return r, 1
    	}
    	lim := end - UTFMax
    	if lim < 0 {
    		lim = 0
    	}
    	for start--; start >= lim; start-- {
    		if RuneStart(s[start]) {
    			break
    		}
    	}
    	if start < 0 {
    		start = 0
    	}
    	r, size = DecodeRuneInString(s[start:end])
    	if start+size != end {
    		return RuneError, 1
    	}
    	return r, size
    }

    func RuneLen(r rune) int {
    	switch {
    	case r < 0:
    		return -1
    	case r <= rune1Max:
    		return 1
    	case r <= rune2Max:
    		return 2
    	case surrogateMin <= r && r <= surrogateMax:
    		return -1
    	case r <= rune3Max:
    		return 3
    	case r <= MaxRune:
    		return 4
    	}
    	return -1
    }

    func EncodeRune(p []byte, r rune) int {
    	switch i := uint32(r); {
    	case i <= rune1Max:
    		p[0] = byte(r)
    		return 1
    	case i <= rune2Max:
    		_ = p[1]
    		p[0] = t2 | byte(r>>6)
    		p[1] = tx | byte(r)&maskx
    		return 2
    	case i > MaxRune, surrogateMin <= i && i <= surrogateMax:
    		r = RuneError
    		fallthrough
    	case i <= rune3Max:
    		_ = p[2]
    		p[0] = t3 | byte(r>>12)
    		p[1] = tx | byte(r>>6)&maskx
    		p[2] = tx | byte(r)&maskx
    		return 3
    	default:
    		_ = p[3]
    		p[0] = t4 | byte(r>>18)
    		p[1] = tx | byte(r>>12)&maskx
    		p[2] = tx | byte(r>>6)&maskx
    		p[3] = tx | byte(r)&maskx
    		return 4
    	}
    }

    func AppendRune(p []byte, r rune) []byte {
    	if uint32(r) <= rune1Max {
    		return append(p, byte(r))
    	}
    	return appendRuneNonASCII(p, r)
    }

    func appendRuneNonASCII(p []byte, r rune) []byte {
    	switch i := uint32(r); {
    	case i <= rune2Max:
    		return append(p, t2|byte(r>>6), tx|byte(r)&maskx)
    	case i > MaxRune, surrogateMin <= i && i <= surrogateMax:
    		r = RuneError
    		fallthrough
    	case i <= rune3Max:
    		return append(p, t3|byte(r>>12), tx|byte(r>>6)&maskx, tx|byte(r)&maskx)
    	default:
    		return append(p, t4|byte(r>>18), tx|byte(r>>12)&maskx, tx|byte(r>>6)&maskx, tx|byte(r)&maskx)
    	}
    }

    func RuneCount(p []byte) int {
    	np := len(p)
    	var n int
    	for i := 0; i < np; {
    		n++
    		c := p[i]
    		if c < RuneSelf {
    			i++
    			continue
    		}
    		x := first[c]
    		if x == xx {
    			i++
    			continue
    		}
    		size := int(x & 7)
    		if i+size > np {
    			i++
    			continue
    		}
    		accept := acceptRanges[x>>4]
    		if c := p[i+1]; c < accept.lo || accept.hi < c {
    			size = 1
    		} else if size == 2 {
    		} else if c := p[i+2]; c < locb || hicb < c {
    			size = 1
    		} else if size == 3 {
    		} else if c := p[i+3]; c < locb || hicb < c {
    			size = 1
    		}
    		i += size
    	}
    	return n
    }

    func RuneCountInString(s string) (n int) {
    	ns := len(s)
    	for i := 0; i < ns; n++ {
    		c := s[i]
    		if c < RuneSelf {
    			i++
    			continue
    		}
    		x := first[c]
    		if x == xx {
    			i++
    			continue
    		}
    		size := int(x & 7)
    		if i+size > ns {
    			i++
    			continue
    		}
    		accept := acceptRanges[x>>4]
    		if c := s[i+1]; c < accept.lo || accept.hi < c {
    			size = 1
    		} else if size == 2 {
    		} else if c := s[i+2]; c < locb || hicb < c {
    			size = 1
    		} else if size == 3 {
    		} else if c := s[i+3]; c < locb || hicb < c {
    			size = 1
    		}
    		i += size
    	}
    	return n
    }

    func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

    func Valid(p []byte) bool {
    	p = p[:len(p):len(p)]

    	for len(p) >= 8 {
    		first32 := uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
    		second32 := uint32(p[4]) | uint32(p[5])<<8 | uint32(p[6])<<16 | uint32(p[7])<<24
    		if (first32|second32)&0x80808080 != 0 {
    			break
    		}
    		p = p[8:]
    	}
    	n := len(p)
    	for i := 0; i < n; {
    		pi := p[i]
    		if pi < RuneSelf {
    			i++
    			continue
    		}
    		x := first[pi]
    		if x == xx {
    			return false
    		}
    		size := int(x & 7)
    		if i+size > n {
    			return false
    		}
    		accept := acceptRanges[x>>4]
    		if c := p[i+1]; c < accept.lo || accept.hi < c {
    			return false
    		} else if size == 2 {
    		} else if c := p[i+2]; c < locb || hicb < c {
    			return false
    		} else if size == 3 {
    		} else if c := p[i+3]; c < locb || hicb < c {
    			return false
    		}
    		i += size
    	}
    	return true
    }

    func ValidString(s string) bool {
    	for len(s) >= 8 {
    		first32 := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
    		second32 := uint32(s[4]) | uint32(s[5])<<8 | uint32(s[6])<<16 | uint32(s[7])<<24
    		if (first32|second32)&0x80808080 != 0 {
    			break
    		}
    		s = s[8:]
    	}
    	n := len(s)
    	for i := 0; i < n; {
    		si := s[i]
    		if si < RuneSelf {
    			i++
    			continue
    		}
    		x := first[si]
    		if x == xx {
    			return false
    		}
    		size := int(x & 7)
    		if i+size > n {
    			return false
    		}
    		accept := acceptRanges[x>>4]
    		if c := s[i+1]; c < accept.lo || accept.hi < c {
    			return false
    		} else if size == 2 {
    		} else if c := s[i+2]; c < locb || hicb < c {
    			return false
    		} else if size == 3 {
    		} else if c := s[i+3]; c < locb || hicb < c {
    			return false
    		}
    		i += size
    	}
    	return true
    }

    func ValidRune(r rune) bool {
    	switch {
    	case 0 <= r && r < surrogateMin:
    		return true
    	case surrogateMax < r && r <= MaxRune:
    		return true
    	}
    	return false
    }
    """#)
}

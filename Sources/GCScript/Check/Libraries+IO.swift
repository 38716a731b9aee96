// The writer packages, compiled from Go's source (Libraries.swift): io's interfaces and
// helpers (io/io.go, io/multi.go), bufio's Writer (bufio/bufio.go) and os's *File as the
// standard streams (os/file.go). With them a program writes as Go programs do — through an
// io.Writer: `w := bufio.NewWriter(os.Stdout); fmt.Fprintf(w, ...); w.Flush()`, a type of its
// own with a Write method, io.MultiWriter — and each costs what its Go costs: NewWriter's
// `&Writer{buf: make([]byte, 4096)}` is an allocation escape analysis judges at the inlined
// call (on the heap once the writer reaches fmt, whose Write is called through the
// interface), Flush hands the buffer to the underlying Write, and *os.File's Write is the
// write system call (a native `os.write`, which allocates nothing).
//
// fmt.Fprint, Fprintln and Fprintf print into fmt's pooled buffer and call the writer's Write
// with it (Run/VM+Builtins.swift): nothing more is allocated than for a Println.
//
// The os package is otherwise gcsh's runtime (os.Exit, Getenv, Args): only File and the
// streams are this library, loaded when a program names one of them. os.Stdin has no Read:
// gcsh programs read no input. Not here (named as missing): readers (bufio.Reader and
// Scanner, io.Copy, io.ReadAll, strings.NewReader), files opened by name, pipes.

import GoHeap

extension Library {
  /// io: the writer interfaces and what is made of them. Go 1.0 had no StringWriter (1.12),
  /// Discard (1.16: ioutil.Discard before) or the 1.12+ WriteString that asks for one.
  static func io(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 12) ? io112 : io10
  }

  private static let ioInterfaces = """
    var EOF = errors.New("EOF")

    var ErrShortWrite = errors.New("short write")

    var ErrShortBuffer = errors.New("short buffer")

    var ErrUnexpectedEOF = errors.New("unexpected EOF")

    type Reader interface {
    	Read(p []byte) (n int, err error)
    }

    type Writer interface {
    	Write(p []byte) (n int, err error)
    }

    type Closer interface {
    	Close() error
    }

    type ReadWriter interface {
    	Reader
    	Writer
    }

    type ReadCloser interface {
    	Reader
    	Closer
    }

    type WriteCloser interface {
    	Writer
    	Closer
    }

    type ByteReader interface {
    	ReadByte() (byte, error)
    }

    type ByteWriter interface {
    	WriteByte(c byte) error
    }

    type multiWriter struct {
    	writers []Writer
    }

    func (t *multiWriter) Write(p []byte) (n int, err error) {
    	for _, w := range t.writers {
    		n, err = w.Write(p)
    		if err != nil {
    			return
    		}
    		if n != len(p) {
    			err = ErrShortWrite
    			return
    		}
    	}
    	return len(p), nil
    }

    func MultiWriter(writers ...Writer) Writer {
    	allWriters := make([]Writer, 0, len(writers))
    	for _, w := range writers {
    		if mw, ok := w.(*multiWriter); ok {
    			allWriters = append(allWriters, mw.writers...)
    		} else {
    			allWriters = append(allWriters, w)
    		}
    	}
    	return &multiWriter{allWriters}
    }

    """

  /// Go 1.0's io.go: WriteString asks for the method by an anonymous interface.
  private static let io10 = Library(package: "io", path: "io", text: ioInterfaces + """
    type stringWriter interface {
    	WriteString(s string) (n int, err error)
    }

    func WriteString(w Writer, s string) (n int, err error) {
    	if sw, ok := w.(stringWriter); ok {
    		return sw.WriteString(s)
    	}
    	return w.Write([]byte(s))
    }
    """)

  /// Go 1.19.8's and 1.27.3's io.go and multi.go (the same in both).
  private static let io112 = Library(package: "io", path: "io", text: ioInterfaces + """
    type StringWriter interface {
    	WriteString(s string) (n int, err error)
    }

    func WriteString(w Writer, s string) (n int, err error) {
    	if sw, ok := w.(StringWriter); ok {
    		return sw.WriteString(s)
    	}
    	return w.Write([]byte(s))
    }

    var Discard Writer = discard{}

    type discard struct{}

    func (discard) Write(p []byte) (int, error) {
    	return len(p), nil
    }

    func (discard) WriteString(s string) (int, error) {
    	return len(s), nil
    }

    func (t *multiWriter) WriteString(s string) (n int, err error) {
    	var p []byte
    	for _, w := range t.writers {
    		if sw, ok := w.(StringWriter); ok {
    			n, err = sw.WriteString(s)
    		} else {
    			if p == nil {
    				p = []byte(s)
    			}
    			n, err = w.Write(p)
    		}
    		if err != nil {
    			return
    		}
    		if n != len(s) {
    			err = ErrShortWrite
    			return
    		}
    	}
    	return len(s), nil
    }
    """)

  /// bufio/bufio.go's Writer. Go 1.27.3's Reset returns early when asked to write to itself,
  /// Go 1.19.8's does not (the profiles between take 1.27's); go1.0's WriteString copies
  /// (Go 1.0 had no io.StringWriter).
  static func bufio(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 20) ? bufio120 : profile.version >= GoVersion(1, 12) ? bufio119 : bufio10
  }

  private static func bufioWriter(resetToItself: String, writeString: String = stringWriterWriteString) -> String {
    """
    const (
    	defaultBufSize = 4096
    )

    type Writer struct {
    	err error
    	buf []byte
    	n   int
    	wr  io.Writer
    }

    func NewWriterSize(w io.Writer, size int) *Writer {
    	b, ok := w.(*Writer)
    	if ok && len(b.buf) >= size {
    		return b
    	}
    	if size <= 0 {
    		size = defaultBufSize
    	}
    	return &Writer{
    		buf: make([]byte, size),
    		wr:  w,
    	}
    }

    func NewWriter(w io.Writer) *Writer {
    	return NewWriterSize(w, defaultBufSize)
    }

    func (b *Writer) Size() int { return len(b.buf) }

    func (b *Writer) Reset(w io.Writer) {
    \(resetToItself)	if b.buf == nil {
    		b.buf = make([]byte, defaultBufSize)
    	}
    	b.err = nil
    	b.n = 0
    	b.wr = w
    }

    func (b *Writer) Flush() error {
    	if b.err != nil {
    		return b.err
    	}
    	if b.n == 0 {
    		return nil
    	}
    	n, err := b.wr.Write(b.buf[0:b.n])
    	if n < b.n && err == nil {
    		err = io.ErrShortWrite
    	}
    	if err != nil {
    		if n > 0 && n < b.n {
    			copy(b.buf[0:b.n-n], b.buf[n:b.n])
    		}
    		b.n -= n
    		b.err = err
    		return err
    	}
    	b.n = 0
    	return nil
    }

    func (b *Writer) Available() int { return len(b.buf) - b.n }

    func (b *Writer) AvailableBuffer() []byte {
    	return b.buf[b.n:][:0]
    }

    func (b *Writer) Buffered() int { return b.n }

    func (b *Writer) Write(p []byte) (nn int, err error) {
    	for len(p) > b.Available() && b.err == nil {
    		var n int
    		if b.Buffered() == 0 {
    			n, b.err = b.wr.Write(p)
    		} else {
    			n = copy(b.buf[b.n:], p)
    			b.n += n
    			b.Flush()
    		}
    		nn += n
    		p = p[n:]
    	}
    	if b.err != nil {
    		return nn, b.err
    	}
    	n := copy(b.buf[b.n:], p)
    	b.n += n
    	nn += n
    	return nn, nil
    }

    func (b *Writer) WriteByte(c byte) error {
    	if b.err != nil {
    		return b.err
    	}
    	if b.Available() <= 0 && b.Flush() != nil {
    		return b.err
    	}
    	b.buf[b.n] = c
    	b.n++
    	return nil
    }

    func (b *Writer) WriteRune(r rune) (size int, err error) {
    	if uint32(r) < utf8.RuneSelf {
    		err = b.WriteByte(byte(r))
    		if err != nil {
    			return 0, err
    		}
    		return 1, nil
    	}
    	if b.err != nil {
    		return 0, b.err
    	}
    	n := b.Available()
    	if n < utf8.UTFMax {
    		if b.Flush(); b.err != nil {
    			return 0, b.err
    		}
    		n = b.Available()
    		if n < utf8.UTFMax {
    			return b.WriteString(string(r))
    		}
    	}
    	size = utf8.EncodeRune(b.buf[b.n:], r)
    	b.n += size
    	return size, nil
    }

    \(writeString)
    """
  }

  /// Go 1.12+'s WriteString hands a long string to the underlying writer's own WriteString
  /// when the buffer is empty.
  private static let stringWriterWriteString = """
    func (b *Writer) WriteString(s string) (int, error) {
    	var sw io.StringWriter
    	tryStringWriter := true

    	nn := 0
    	for len(s) > b.Available() && b.err == nil {
    		var n int
    		if b.Buffered() == 0 && sw == nil && tryStringWriter {
    			sw, tryStringWriter = b.wr.(io.StringWriter)
    		}
    		if b.Buffered() == 0 && tryStringWriter {
    			n, b.err = sw.WriteString(s)
    		} else {
    			n = copy(b.buf[b.n:], s)
    			b.n += n
    			b.Flush()
    		}
    		nn += n
    		s = s[n:]
    	}
    	if b.err != nil {
    		return nn, b.err
    	}
    	n := copy(b.buf[b.n:], s)
    	b.n += n
    	nn += n
    	return nn, nil
    }
    """

  /// Go 1.0's WriteString copies through the buffer, flushing as it fills.
  private static let copyingWriteString = """
    func (b *Writer) WriteString(s string) (int, error) {
    	nn := 0
    	for len(s) > b.Available() && b.err == nil {
    		n := copy(b.buf[b.n:], s)
    		b.n += n
    		nn += n
    		s = s[n:]
    		b.Flush()
    	}
    	if b.err != nil {
    		return nn, b.err
    	}
    	n := copy(b.buf[b.n:], s)
    	b.n += n
    	return nn + n, nil
    }
    """

  private static let bufio120 = Library(package: "bufio", path: "bufio", text: bufioWriter(resetToItself: """
    	if b == w {
    		return
    	}

    """))

  private static let bufio119 = Library(package: "bufio", path: "bufio", text: bufioWriter(resetToItself: ""))

  private static let bufio10 = Library(
    package: "bufio", path: "bufio", text: bufioWriter(resetToItself: "", writeString: copyingWriteString))

  /// os/file.go's *File as far as the standard streams need it: Go's File wraps a `*file`
  /// with the poll descriptor; here the descriptor and the name. The streams are package
  /// variables statically initialized (no allocation: Go allocates them while the runtime
  /// starts, in the start-up heap the profiles measure). Go's Write is too big to inline
  /// (`//go:noinline` here keeps it so); Go 1.20+'s WriteString, a Write of the string's bytes
  /// without a copy, is inlined, Go 1.19.8's (which built the slice header by hand) is not
  /// (runs/writers' -m lines). Write is the write system call
  /// (`os.write`, gcsh's), WriteString writes the string's bytes without a copy as Go's does
  /// (its Write of `unsafe.Slice(unsafe.StringData(s), len(s))`: `os.writeString` here), and a
  /// nil *File is Go's ErrInvalid.
  /// The exported methods of Go 1.27.3's *os.File (os/file.go and its siblings): those gcsh's
  /// File lacks are named as not supported, not as missing.
  static let osFileMethods: Set<String> = [
    "Chdir", "Chmod", "Chown", "Close", "Fd", "Name", "Read", "ReadAt", "ReadDir", "ReadFrom", "Readdir",
    "Readdirnames", "Seek", "SetDeadline", "SetReadDeadline", "SetWriteDeadline", "Stat", "Sync",
    "SyscallConn", "Truncate", "Write", "WriteAt", "WriteString", "WriteTo",
  ]

  static func os(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 20) ? os120 : os119
  }

  private static let os120 = osLibrary(writeStringDirective: "")
  private static let os119 = osLibrary(writeStringDirective: "//go:noinline\n")

  private static func osLibrary(writeStringDirective: String) -> Library {
    Library(
    package: "os", path: "os",
    text: """
      var ErrInvalid = errors.New("invalid argument")

      type File struct {
      	fd   int
      	name string
      }

      var (
      	Stdin  = &File{0, "/dev/stdin"}
      	Stdout = &File{1, "/dev/stdout"}
      	Stderr = &File{2, "/dev/stderr"}
      )

      func (f *File) Name() string { return f.name }

      func (f *File) Fd() uintptr {
      	if f == nil {
      		return ^(uintptr(0))
      	}
      	return uintptr(f.fd)
      }

      //go:noinline
      func (f *File) Write(b []byte) (n int, err error) {
      	if f == nil {
      		return 0, ErrInvalid
      	}
      	os.write(f.fd, b)
      	return len(b), nil
      }

      \(writeStringDirective)func (f *File) WriteString(s string) (n int, err error) {
      	if f == nil {
      		return 0, ErrInvalid
      	}
      	os.writeString(f.fd, s)
      	return len(s), nil
      }
      """,
    members: ["File", "Stdin", "Stdout", "Stderr", "ErrInvalid"])
  }
}

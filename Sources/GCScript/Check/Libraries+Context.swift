// context/context.go as a library compiled from Go's source (Libraries.swift): Go 1.27.3's
// for the profiles from Go 1.21 (WithoutCancel, AfterFunc, the Cause functions), Go 1.19.8's
// before (comments, the package clause and the imports cut; nothing else changed). Its
// contexts are ordinary objects — a cancelCtx with its mutex, its lazily made done channel
// (in an atomic.Value), its children in a map keyed by interface — and its timers
// time.AfterFunc's, so what a program's contexts allocate, keep alive and leak is what this
// code does. internal/reflectlite is gcsh's (ReflectlitePackage.swift).

import GoHeap

extension Library {
  /// The context library of a profile's Go.
  static func context(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 21) ? context127 : context119
  }

  /// Go 1.27.3's context.go.
  static let context127 = Library(package: "context", path: "context", text: """
    type Context interface {
    	Deadline() (deadline time.Time, ok bool)

    	Done() <-chan struct{}

    	Err() error

    	Value(key any) any
    }

    var Canceled = errors.New("context canceled")

    var DeadlineExceeded error = deadlineExceededError{}

    type deadlineExceededError struct{}

    func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
    func (deadlineExceededError) Timeout() bool   { return true }
    func (deadlineExceededError) Temporary() bool { return true }

    type emptyCtx struct{}

    func (emptyCtx) Deadline() (deadline time.Time, ok bool) {
    	return
    }

    func (emptyCtx) Done() <-chan struct{} {
    	return nil
    }

    func (emptyCtx) Err() error {
    	return nil
    }

    func (emptyCtx) Value(key any) any {
    	return nil
    }

    type backgroundCtx struct{ emptyCtx }

    func (backgroundCtx) String() string {
    	return "context.Background"
    }

    type todoCtx struct{ emptyCtx }

    func (todoCtx) String() string {
    	return "context.TODO"
    }

    func Background() Context {
    	return backgroundCtx{}
    }

    func TODO() Context {
    	return todoCtx{}
    }

    type CancelFunc func()

    func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
    	c := withCancel(parent)
    	return c, func() { c.cancel(true, Canceled, nil) }
    }

    type CancelCauseFunc func(cause error)

    func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
    	c := withCancel(parent)
    	return c, func(cause error) { c.cancel(true, Canceled, cause) }
    }

    func withCancel(parent Context) *cancelCtx {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	c := &cancelCtx{}
    	c.propagateCancel(parent, c)
    	return c
    }

    func Cause(c Context) error {
    	err := c.Err()
    	if err == nil {
    		return nil
    	}
    	if cc, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
    		cc.mu.Lock()
    		cause := cc.cause
    		cc.mu.Unlock()
    		if cause != nil {
    			return cause
    		}
    	}
    	return err
    }

    func AfterFunc(ctx Context, f func()) (stop func() bool) {
    	a := &afterFuncCtx{
    		f: f,
    	}
    	a.cancelCtx.propagateCancel(ctx, a)
    	return func() bool {
    		stopped := false
    		a.once.Do(func() {
    			stopped = true
    		})
    		if stopped {
    			a.cancel(true, Canceled, nil)
    		}
    		return stopped
    	}
    }

    type afterFuncer interface {
    	AfterFunc(func()) func() bool
    }

    type afterFuncCtx struct {
    	cancelCtx
    	once sync.Once // either starts running f or stops f from running
    	f    func()
    }

    func (a *afterFuncCtx) cancel(removeFromParent bool, err, cause error) {
    	a.cancelCtx.cancel(false, err, cause)
    	if removeFromParent {
    		removeChild(a.Context, a)
    	}
    	a.once.Do(func() {
    		go a.f()
    	})
    }

    type stopCtx struct {
    	Context
    	stop func() bool
    }

    var goroutines atomic.Int32

    var cancelCtxKey int

    func parentCancelCtx(parent Context) (*cancelCtx, bool) {
    	done := parent.Done()
    	if done == closedchan || done == nil {
    		return nil, false
    	}
    	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
    	if !ok {
    		return nil, false
    	}
    	pdone, _ := p.done.Load().(chan struct{})
    	if pdone != done {
    		return nil, false
    	}
    	return p, true
    }

    func removeChild(parent Context, child canceler) {
    	if s, ok := parent.(stopCtx); ok {
    		s.stop()
    		return
    	}
    	p, ok := parentCancelCtx(parent)
    	if !ok {
    		return
    	}
    	p.mu.Lock()
    	if p.children != nil {
    		delete(p.children, child)
    	}
    	p.mu.Unlock()
    }

    type canceler interface {
    	cancel(removeFromParent bool, err, cause error)
    	Done() <-chan struct{}
    }

    var closedchan = make(chan struct{})

    func init() {
    	close(closedchan)
    }

    type cancelCtx struct {
    	Context

    	mu       sync.Mutex            // protects following fields
    	done     atomic.Value          // of chan struct{}, created lazily, closed by first cancel call
    	children map[canceler]struct{} // set to nil by the first cancel call
    	err      atomic.Value          // set to non-nil by the first cancel call
    	cause    error                 // set to non-nil by the first cancel call
    }

    func (c *cancelCtx) Value(key any) any {
    	if key == &cancelCtxKey {
    		return c
    	}
    	return value(c.Context, key)
    }

    func (c *cancelCtx) Done() <-chan struct{} {
    	d := c.done.Load()
    	if d != nil {
    		return d.(chan struct{})
    	}
    	c.mu.Lock()
    	defer c.mu.Unlock()
    	d = c.done.Load()
    	if d == nil {
    		d = make(chan struct{})
    		c.done.Store(d)
    	}
    	return d.(chan struct{})
    }

    func (c *cancelCtx) Err() error {
    	if err := c.err.Load(); err != nil {
    		<-c.Done()
    		return err.(error)
    	}
    	return nil
    }

    func (c *cancelCtx) propagateCancel(parent Context, child canceler) {
    	c.Context = parent

    	done := parent.Done()
    	if done == nil {
    		return // parent is never canceled
    	}

    	select {
    	case <-done:
    		child.cancel(false, parent.Err(), Cause(parent))
    		return
    	default:
    	}

    	if p, ok := parentCancelCtx(parent); ok {
    		p.mu.Lock()
    		if err := p.err.Load(); err != nil {
    			child.cancel(false, err.(error), p.cause)
    		} else {
    			if p.children == nil {
    				p.children = make(map[canceler]struct{})
    			}
    			p.children[child] = struct{}{}
    		}
    		p.mu.Unlock()
    		return
    	}

    	if a, ok := parent.(afterFuncer); ok {
    		c.mu.Lock()
    		stop := a.AfterFunc(func() {
    			child.cancel(false, parent.Err(), Cause(parent))
    		})
    		c.Context = stopCtx{
    			Context: parent,
    			stop:    stop,
    		}
    		c.mu.Unlock()
    		return
    	}

    	goroutines.Add(1)
    	go func() {
    		select {
    		case <-parent.Done():
    			child.cancel(false, parent.Err(), Cause(parent))
    		case <-child.Done():
    		}
    	}()
    }

    type stringer interface {
    	String() string
    }

    func contextName(c Context) string {
    	if s, ok := c.(stringer); ok {
    		return s.String()
    	}
    	return reflectlite.TypeOf(c).String()
    }

    func (c *cancelCtx) String() string {
    	return contextName(c.Context) + ".WithCancel"
    }

    func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
    	if err == nil {
    		panic("context: internal error: missing cancel error")
    	}
    	if cause == nil {
    		cause = err
    	}
    	c.mu.Lock()
    	if c.err.Load() != nil {
    		c.mu.Unlock()
    		return // already canceled
    	}
    	c.err.Store(err)
    	c.cause = cause
    	d, _ := c.done.Load().(chan struct{})
    	if d == nil {
    		c.done.Store(closedchan)
    	} else {
    		close(d)
    	}
    	for child := range c.children {
    		child.cancel(false, err, cause)
    	}
    	c.children = nil
    	c.mu.Unlock()

    	if removeFromParent {
    		removeChild(c.Context, c)
    	}
    }

    func WithoutCancel(parent Context) Context {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	return withoutCancelCtx{parent}
    }

    type withoutCancelCtx struct {
    	c Context
    }

    func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) {
    	return
    }

    func (withoutCancelCtx) Done() <-chan struct{} {
    	return nil
    }

    func (withoutCancelCtx) Err() error {
    	return nil
    }

    func (c withoutCancelCtx) Value(key any) any {
    	return value(c, key)
    }

    func (c withoutCancelCtx) String() string {
    	return contextName(c.c) + ".WithoutCancel"
    }

    func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
    	return WithDeadlineCause(parent, d, nil)
    }

    func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
    		return WithCancel(parent)
    	}
    	c := &timerCtx{
    		deadline: d,
    	}
    	c.cancelCtx.propagateCancel(parent, c)
    	dur := time.Until(d)
    	if dur <= 0 {
    		c.cancel(true, DeadlineExceeded, cause) // deadline has already passed
    		return c, func() { c.cancel(false, Canceled, nil) }
    	}
    	c.mu.Lock()
    	defer c.mu.Unlock()
    	if c.err.Load() == nil {
    		c.timer = time.AfterFunc(dur, func() {
    			c.cancel(true, DeadlineExceeded, cause)
    		})
    	}
    	return c, func() { c.cancel(true, Canceled, nil) }
    }

    type timerCtx struct {
    	cancelCtx
    	timer *time.Timer // Under cancelCtx.mu.

    	deadline time.Time
    }

    func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
    	return c.deadline, true
    }

    func (c *timerCtx) String() string {
    	return contextName(c.cancelCtx.Context) + ".WithDeadline(" +
    		c.deadline.String() + " [" +
    		time.Until(c.deadline).String() + "])"
    }

    func (c *timerCtx) cancel(removeFromParent bool, err, cause error) {
    	c.cancelCtx.cancel(false, err, cause)
    	if removeFromParent {
    		removeChild(c.cancelCtx.Context, c)
    	}
    	c.mu.Lock()
    	if c.timer != nil {
    		c.timer.Stop()
    		c.timer = nil
    	}
    	c.mu.Unlock()
    }

    func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
    	return WithDeadline(parent, time.Now().Add(timeout))
    }

    func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
    	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
    }

    func WithValue(parent Context, key, val any) Context {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	if key == nil {
    		panic("nil key")
    	}
    	if !reflectlite.TypeOf(key).Comparable() {
    		panic("key is not comparable")
    	}
    	return &valueCtx{parent, key, val}
    }

    type valueCtx struct {
    	Context
    	key, val any
    }

    func stringify(v any) string {
    	switch s := v.(type) {
    	case stringer:
    		return s.String()
    	case string:
    		return s
    	case nil:
    		return "<nil>"
    	}
    	return reflectlite.TypeOf(v).String()
    }

    func (c *valueCtx) String() string {
    	return contextName(c.Context) + ".WithValue(" +
    		stringify(c.key) + ", " +
    		stringify(c.val) + ")"
    }

    func (c *valueCtx) Value(key any) any {
    	if c.key == key {
    		return c.val
    	}
    	return value(c.Context, key)
    }

    func value(c Context, key any) any {
    	for {
    		switch ctx := c.(type) {
    		case *valueCtx:
    			if key == ctx.key {
    				return ctx.val
    			}
    			c = ctx.Context
    		case *cancelCtx:
    			if key == &cancelCtxKey {
    				return c
    			}
    			c = ctx.Context
    		case withoutCancelCtx:
    			if key == &cancelCtxKey {
    				return nil
    			}
    			c = ctx.c
    		case *timerCtx:
    			if key == &cancelCtxKey {
    				return &ctx.cancelCtx
    			}
    			c = ctx.Context
    		case backgroundCtx, todoCtx:
    			return nil
    		default:
    			return c.Value(key)
    		}
    	}
    }

    """)

  /// Go 1.19.8's context.go.
  static let context119 = Library(package: "context", path: "context", text: """
    type Context interface {
    	Deadline() (deadline time.Time, ok bool)

    	Done() <-chan struct{}

    	Err() error

    	Value(key any) any
    }

    var Canceled = errors.New("context canceled")

    var DeadlineExceeded error = deadlineExceededError{}

    type deadlineExceededError struct{}

    func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
    func (deadlineExceededError) Timeout() bool   { return true }
    func (deadlineExceededError) Temporary() bool { return true }

    type emptyCtx int

    func (*emptyCtx) Deadline() (deadline time.Time, ok bool) {
    	return
    }

    func (*emptyCtx) Done() <-chan struct{} {
    	return nil
    }

    func (*emptyCtx) Err() error {
    	return nil
    }

    func (*emptyCtx) Value(key any) any {
    	return nil
    }

    func (e *emptyCtx) String() string {
    	switch e {
    	case background:
    		return "context.Background"
    	case todo:
    		return "context.TODO"
    	}
    	return "unknown empty Context"
    }

    var (
    	background = new(emptyCtx)
    	todo       = new(emptyCtx)
    )

    func Background() Context {
    	return background
    }

    func TODO() Context {
    	return todo
    }

    type CancelFunc func()

    func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	c := newCancelCtx(parent)
    	propagateCancel(parent, &c)
    	return &c, func() { c.cancel(true, Canceled) }
    }

    func newCancelCtx(parent Context) cancelCtx {
    	return cancelCtx{Context: parent}
    }

    var goroutines int32

    func propagateCancel(parent Context, child canceler) {
    	done := parent.Done()
    	if done == nil {
    		return // parent is never canceled
    	}

    	select {
    	case <-done:
    		child.cancel(false, parent.Err())
    		return
    	default:
    	}

    	if p, ok := parentCancelCtx(parent); ok {
    		p.mu.Lock()
    		if p.err != nil {
    			child.cancel(false, p.err)
    		} else {
    			if p.children == nil {
    				p.children = make(map[canceler]struct{})
    			}
    			p.children[child] = struct{}{}
    		}
    		p.mu.Unlock()
    	} else {
    		atomic.AddInt32(&goroutines, +1)
    		go func() {
    			select {
    			case <-parent.Done():
    				child.cancel(false, parent.Err())
    			case <-child.Done():
    			}
    		}()
    	}
    }

    var cancelCtxKey int

    func parentCancelCtx(parent Context) (*cancelCtx, bool) {
    	done := parent.Done()
    	if done == closedchan || done == nil {
    		return nil, false
    	}
    	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
    	if !ok {
    		return nil, false
    	}
    	pdone, _ := p.done.Load().(chan struct{})
    	if pdone != done {
    		return nil, false
    	}
    	return p, true
    }

    func removeChild(parent Context, child canceler) {
    	p, ok := parentCancelCtx(parent)
    	if !ok {
    		return
    	}
    	p.mu.Lock()
    	if p.children != nil {
    		delete(p.children, child)
    	}
    	p.mu.Unlock()
    }

    type canceler interface {
    	cancel(removeFromParent bool, err error)
    	Done() <-chan struct{}
    }

    var closedchan = make(chan struct{})

    func init() {
    	close(closedchan)
    }

    type cancelCtx struct {
    	Context

    	mu       sync.Mutex            // protects following fields
    	done     atomic.Value          // of chan struct{}, created lazily, closed by first cancel call
    	children map[canceler]struct{} // set to nil by the first cancel call
    	err      error                 // set to non-nil by the first cancel call
    }

    func (c *cancelCtx) Value(key any) any {
    	if key == &cancelCtxKey {
    		return c
    	}
    	return value(c.Context, key)
    }

    func (c *cancelCtx) Done() <-chan struct{} {
    	d := c.done.Load()
    	if d != nil {
    		return d.(chan struct{})
    	}
    	c.mu.Lock()
    	defer c.mu.Unlock()
    	d = c.done.Load()
    	if d == nil {
    		d = make(chan struct{})
    		c.done.Store(d)
    	}
    	return d.(chan struct{})
    }

    func (c *cancelCtx) Err() error {
    	c.mu.Lock()
    	err := c.err
    	c.mu.Unlock()
    	return err
    }

    type stringer interface {
    	String() string
    }

    func contextName(c Context) string {
    	if s, ok := c.(stringer); ok {
    		return s.String()
    	}
    	return reflectlite.TypeOf(c).String()
    }

    func (c *cancelCtx) String() string {
    	return contextName(c.Context) + ".WithCancel"
    }

    func (c *cancelCtx) cancel(removeFromParent bool, err error) {
    	if err == nil {
    		panic("context: internal error: missing cancel error")
    	}
    	c.mu.Lock()
    	if c.err != nil {
    		c.mu.Unlock()
    		return // already canceled
    	}
    	c.err = err
    	d, _ := c.done.Load().(chan struct{})
    	if d == nil {
    		c.done.Store(closedchan)
    	} else {
    		close(d)
    	}
    	for child := range c.children {
    		child.cancel(false, err)
    	}
    	c.children = nil
    	c.mu.Unlock()

    	if removeFromParent {
    		removeChild(c.Context, c)
    	}
    }

    func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
    		return WithCancel(parent)
    	}
    	c := &timerCtx{
    		cancelCtx: newCancelCtx(parent),
    		deadline:  d,
    	}
    	propagateCancel(parent, c)
    	dur := time.Until(d)
    	if dur <= 0 {
    		c.cancel(true, DeadlineExceeded) // deadline has already passed
    		return c, func() { c.cancel(false, Canceled) }
    	}
    	c.mu.Lock()
    	defer c.mu.Unlock()
    	if c.err == nil {
    		c.timer = time.AfterFunc(dur, func() {
    			c.cancel(true, DeadlineExceeded)
    		})
    	}
    	return c, func() { c.cancel(true, Canceled) }
    }

    type timerCtx struct {
    	cancelCtx
    	timer *time.Timer // Under cancelCtx.mu.

    	deadline time.Time
    }

    func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
    	return c.deadline, true
    }

    func (c *timerCtx) String() string {
    	return contextName(c.cancelCtx.Context) + ".WithDeadline(" +
    		c.deadline.String() + " [" +
    		time.Until(c.deadline).String() + "])"
    }

    func (c *timerCtx) cancel(removeFromParent bool, err error) {
    	c.cancelCtx.cancel(false, err)
    	if removeFromParent {
    		removeChild(c.cancelCtx.Context, c)
    	}
    	c.mu.Lock()
    	if c.timer != nil {
    		c.timer.Stop()
    		c.timer = nil
    	}
    	c.mu.Unlock()
    }

    func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
    	return WithDeadline(parent, time.Now().Add(timeout))
    }

    func WithValue(parent Context, key, val any) Context {
    	if parent == nil {
    		panic("cannot create context from nil parent")
    	}
    	if key == nil {
    		panic("nil key")
    	}
    	if !reflectlite.TypeOf(key).Comparable() {
    		panic("key is not comparable")
    	}
    	return &valueCtx{parent, key, val}
    }

    type valueCtx struct {
    	Context
    	key, val any
    }

    func stringify(v any) string {
    	switch s := v.(type) {
    	case stringer:
    		return s.String()
    	case string:
    		return s
    	}
    	return "<not Stringer>"
    }

    func (c *valueCtx) String() string {
    	return contextName(c.Context) + ".WithValue(type " +
    		reflectlite.TypeOf(c.key).String() +
    		", val " + stringify(c.val) + ")"
    }

    func (c *valueCtx) Value(key any) any {
    	if c.key == key {
    		return c.val
    	}
    	return value(c.Context, key)
    }

    func value(c Context, key any) any {
    	for {
    		switch ctx := c.(type) {
    		case *valueCtx:
    			if key == ctx.key {
    				return ctx.val
    			}
    			c = ctx.Context
    		case *cancelCtx:
    			if key == &cancelCtxKey {
    				return c
    			}
    			c = ctx.Context
    		case *timerCtx:
    			if key == &cancelCtxKey {
    				return &ctx.cancelCtx
    			}
    			c = ctx.Context
    		case *emptyCtx:
    			return nil
    		default:
    			return c.Value(key)
    		}
    	}
    }

    """)
}

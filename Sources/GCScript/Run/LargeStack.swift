// LargeStack: runs the interpreter on a thread with a big stack.
//
// The interpreter evaluates nested closures, so each GCScript call level uses several native
// frames. Go's goroutine stacks grow to 1 GB; to let a script recurse as deeply as gcsh's
// 10,000-call limit without overflowing a native stack, interpretation runs on a thread whose
// stack is reserved at 1 GiB (address space only: untouched stack pages cost no memory).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The work handed to the large-stack thread.
private final class LargeStackWork: @unchecked Sendable {
  var body: (() -> Void)?
  init() {}
}

/// Runs `body` on a thread with a 1 GiB stack and waits for it.
public func runOnLargeStack<T>(_ body: @escaping () -> T) -> T {
  typealias Box = LargeStackWork
  var result: T? = nil
  let box = Box()
  box.body = { result = body() }
  var attr = pthread_attr_t()
  pthread_attr_init(&attr)
  pthread_attr_setstacksize(&attr, 1 << 30)
  let unmanaged = Unmanaged.passRetained(box)
  #if canImport(Glibc)
    var tid = pthread_t()
  #else
    var tid: pthread_t? = nil
  #endif
  let rc = pthread_create(&tid, &attr, { arg in
    let b = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
    b.body?()
    return nil
  }, unmanaged.toOpaque())
  pthread_attr_destroy(&attr)
  if rc != 0 {
    unmanaged.release()
    return body()
  }
  #if canImport(Glibc)
    pthread_join(tid, nil)
  #else
    pthread_join(tid!, nil)
  #endif
  return result!
}

#include "textflag.h"

// func getg() uintptr: the g pointer of the running goroutine (linux/amd64 TLS slot).
TEXT ·getg(SB),NOSPLIT,$0-8
	MOVQ (TLS), AX
	MOVQ AX, ret+0(FP)
	RET

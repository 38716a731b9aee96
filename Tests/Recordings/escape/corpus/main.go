// main calls every corpus function and stores every result into a
// package-level sink variable, so nothing is dead code.
package main

func main() {
	// escape_basic.go
	sinkInt += newLocal()
	sinkInt += makeLocal()
	sinkInt += compositeLocal()
	sinkInt += addrLocalNoEscape()
	sinkPtr = newReturned()
	sinkBytes = makeReturned()
	sinkPoint = compositeReturned()
	sinkPtr = addrLocalReturned()
	sinkPtr = returnedThroughLocal()
	sinkPtr = returnedThroughField()
	sinkBytes = returnedSubslice()
	sinkHolder = returnedStructValue()
	sinkInt += pointerChainLocal()
	pt := valueReturnedNoPointer()
	sinkInt += pt.x

	// escape_globals.go
	newToGlobal()
	addrToGlobal()
	makeToGlobal()
	compositeToGlobalField()
	nodeToGlobal(1)
	h := &Holder{}
	storeIntoParamField(h)
	sinkHolder = *h
	ptrs := make([]*int, 1)
	storeIntoSliceParam(ptrs)
	sinkPtrs = ptrs
	nd := &Node{val: 1}
	storeIntoParamNode(nd)
	sinkNode = nd
	sinkInt += storeIntoLocalStruct()
	sinkInt += storeIntoLocalSlice()

	// escape_params.go
	a := 1
	sinkInt += readOnly(&a)
	writeThrough(&a)
	leakToGlobal(&a)
	sinkPtr = identity(&a)
	pa := &a
	sinkPtr = derefOnce(&pa)
	ppa := &pa
	sinkPtr = derefTwice(&ppa)
	sinkPtr = fieldOfParam(h)
	leakContent(&pa)
	leakSliceContent([]*int{pa, pa})
	leakSlice([]byte{1})
	sinkInts = sliceParamToResult([]int{1, 2, 3})
	sinkInt += sliceParamLen([]int{4, 5})
	n1 := &Node{val: 1}
	n2 := &Node{val: 2}
	linkParams(n1, n2)
	sinkNode = n1
	sinkPtr = structParamToResult(*h)
	b := 2
	sinkPtr = pickOne(&a, &b, sinkInt > 0)
	sinkInt += stringParam("abc")
	stringParamToGlobal("def")

	// escape_calls.go
	callLeaky()
	sinkInt += callReadOnly()
	sinkInt += callWriteThrough()
	sinkInt += callIdentityLocal()
	sinkPtr = callIdentityReturned()
	sinkInt += callDerefOnce()
	callLeakContent()
	sinkInt += callLinkParams()
	callLeakSlice()
	sinkInt += sumList(nd)
	sinkInt += recurseWithLocal(3, &b)
	sinkPtr = recurseLeaking(3, &b)
	sinkInt += evenDepth(4, &b)

	// escape_sizes.go
	sinkInt += makeConst64K()
	sinkInt += makeConst64KPlus1()
	sinkInt += makeInts8192()
	sinkInt += makeInts8193()
	sinkInt += makeVarSize(10)
	sinkInt += makeVarCap(10)
	sinkInt += makeSmallLenVarCap(10)
	sinkInt += makeConstFromConst()
	sinkInt += newArray64K()
	sinkInt += newArray64KPlus1()
	sinkInt += compositeArray64KPlus1()
	sinkInt += varArray128K(5)
	sinkInt += varArray128KPlus1(5)
	sinkInt += varArray10M(5)
	sinkInt += varArray10MPlus1(5)
	sinkInt += varArraySmallAddr(5)

	// escape_slices.go
	sinkInt += appendLocal()
	sinkInts = appendReturned()
	appendToGlobal(3)
	sinkInts = appendParam(sinkInts, 4)
	sinkInts = appendSpread(sinkInts, []int{5, 6})
	sinkInt += appendSpreadLocal()
	sinkInt += copyLocal()
	sinkInt += copyIntoParam(make([]byte, 4))
	sinkInt += sliceLiteralLocal()
	sinkInts = sliceLiteralReturned()
	sinkInt += nestedLiteralLocal()
	nestedLiteralToGlobal()
	sinkInt += bytesFromConstString()
	sinkInt += bytesFromStringReadOnly("abc")
	sinkInt += bytesFromStringMutated("abc")
	sinkBytes = bytesFromStringReturned("abc")
	sinkBool = stringFromBytesCompared(sinkBytes)
	sinkInt += stringFromBytesLocal(sinkBytes)
	sinkString = stringFromBytesReturned(sinkBytes)
	stringFromBytesToGlobal(sinkBytes)
	bf := &Buf{buf: []byte{1, 2, 3}}
	selfAssignAdvance(bf)
	sinkInt += selfAssignLoop(bf)
	sinkInt += sliceOfPtrsLocal()
	sinkPtrs = sliceOfPtrsReturned()
	sliceOfPtrsToGlobal()
	sinkInt += rangeTakeAddr([]int{1, 2})
	sinkPtr = rangeIndexAddr(sinkInts)
	sinkInt += rangeString("héllo")
	sinkInt += arrayRange()

	// escape_structs.go
	sinkInt += buildListLocal(5)
	sinkNode = buildListReturned(5)
	sinkInt += twoNodesNoLoop()
	sinkInt += nodeInsideLoopOnly(5)
	sinkInt += addrInLoopToOuter(5)
	var p *int
	setThroughParam(&p)
	sinkPtr = p
	sinkInt += setThroughLocal()
	sinkInt += pairsLocal()
	pairsToGlobal()
	sinkPair = pairsReturnedValue()
	sinkPtr = pairFieldsSeparate()
	sinkArr = arrayCopyParam([4]*int{&a, &b})
	sinkInt += arrayCopyLocal()
	arrayCopyElemToGlobal()
	sinkInt += arrayOfStructs()
	sinkPtr = addrOfFieldReturned()
	sinkPtr = addrOfElemReturned()
	sinkPtr = addrOfSliceElemReturned()
	sinkBuf = bufferStruct(3)
	sinkInt += bufferStructLocal(3)

	// escape_inline.go
	sinkInt += counterLocal()
	sinkPtr = counterReturned()
	sinkInt += bufConstLocal()
	sinkInt += bufVarLocal(12)
	sinkInt += pointLocal()
	sinkPoint = pointReturned()
	sinkInt += ptrToLocal()
	sinkInt += firstOfLocal()
	storeGlobalCaller()
	sinkInt += cloneLocal()
	sinkInt += pushLocal()
	sinkInt += bigNotInlined(6)

	// escape_switch.go
	sinkInt += switchInLoopLocal(7)
	sinkInt += labeledLoopKeepsAcrossIterations(8)
	sinkInt += switchTagPointer(&a, &b)
	sinkPoint = switchReturnsAlloc(1)
	sinkInt += switchInitLocal(3)
	sinkInt += constantSwitchFolded()
	sinkInt += pickBufLocal()

	// escape_goroutines.go, escape_goroutine_literals.go
	goroutineCorpus()

	// escape_rangeint.go (Go 1.22+ only)
	rangeIntAll()

	// escape_sliceaddr.go
	sinkInt += sliceAddrLocal()
	sinkInt += len(*sliceAddrReturned())
	sinkInt += len(sliceAddrHeaderLocal())

	// escape_loopvar.go
	sinkInt += loopVarFirst()
	sinkInt += len(rangeVarFirst())

	// escape_results.go
	r1, r2 := 1, 2
	sinkPtr, sinkPtr = resSwap(&r1, &r2)
	pr := &r1
	sinkPtr, sinkBool = resDeref(&pr)
	sinkPtr, _ = resLeakBoth(&r2)
	sinkPtr, sinkBool = resNamed(nil)
	sinkPtr, sinkInt = resBlank(nil)
	sinkInt += resNamedAddrEscapes() + resNamedAddrLocal()
	sinkPtr = resNamedNew()
	sinkPtr, sinkBytes = resTwoAllocs()
	_, _, _, _, _, _, _, sinkPtr = resEight(nil)
	sinkInt += resUseSwapLocal()
	resUseSwapEscape()
	sinkPtr, _ = resForward(nil, nil)
	sinkInt += resNestedCall()
	sinkPtr = resAssignExisting(nil)
	sinkInt += vaSum(1, 2) + vaCallSum() + vaCallSpread() + vaCallReturnedLocal() + vaInLoop() + vaFromResults()
	vaCallKeepPtrs()
	vaCallKeepSlice()
	sinkInts = vaCallReturned()
	sinkPtr = vaCallPrefixed()
	q, m := resDivmod(17, 5)
	sinkInt += q + m
	sinkPtr, _ = resSwapInl(nil, nil)
	sinkInt += resPairLocal() + resSwapInlLocal() + vaSumInlCall() + vaMinMaxCall()
	resPairEscape()
	sinkPtr = resNamedInl(nil)
	sinkInt, sinkInt = resForwardInl()
	sinkInts = resBuildNamed(5)

	// escape_maps.go
	sinkInt += mapLocal()
	gMap = mapReturned()
	sinkInt += mapLiteralLocal()
	mapLiteralGlobal()
	sinkInt += mapValueEscapes()
	sinkInt += mapKeyEscapes()
	ptrKeys := map[*int]int{}
	sinkInt += mapLookupKeyLocal(ptrKeys)
	mapDeleteKeyLocal(ptrKeys)
	points := map[string]*Point{}
	mapParamStore(points, &Point{3, 4})
	sinkPoint = mapRangeValues(map[int]*Point{1: &Point{5, 6}})
	sinkInt += mapHinted(20)
	sinkInt += mapLiteralValues()
	sinkInt += mapCommaOk(map[string][]byte{"k": []byte("v")})
	sinkInt += mapOfMaps()

	// escape_methods.go
	sinkInt += stackLocalMethods(10)
	stackRegistered()
	sinkInt += stackSelfReturned().Len()
	sinkInt += valueMethodThroughPointer(&Stack{})
	sinkInt += int(namedScalarMethods())
	sinkInt += listMethods(5)
	// escape_interfaces.go
	sinkInt += ifaceLocal(3)
	gAny = ifaceReturned("s")
	sinkInt += ifaceMethodCall(square{2}, 5)
	ifaceCompositeGlobal(4)
	sinkInt += ifaceDevirtualized(6)
	sinkInt += ifaceDevirtualizedPointer()
	ifacePointerGlobal()
	sinkInt += ifacePointerLocal()
	sinkInt += ifaceTypeSwitch(7)
	gAny = ifaceAssertPointer(&box3{})
	sinkInt += ifaceSliceOfAny(1, 2)

	// escape_metrics.go
	sinkInt += int(metricsReadLocal())
	sinkInt += int(metricsReadNamed("/gc/heap/goal:bytes"))
	sinkInt += int(metricsReadArray())
	sinkInt += metricsHistogram()
	sinkInt += metricsAllCount()
	metricsPrintKinds()

	// escape_slicetoarray.go, escape_slicetoarray_new.go (Go 1.20+ only)
	x1 := 1
	sinkArr[0] = sliceToArrPtrReturned([]*int{&x1, &x1})[1]
	sinkInt += sliceToArrPtrLocal()
	sliceToArrPtrGlobal()
	sliceToArrAll()
}

module gcsh.test/slicesfuncs

go 1.27

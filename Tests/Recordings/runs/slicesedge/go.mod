module gcsh.test/slicesedge

go 1.27

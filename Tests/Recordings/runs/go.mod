module gcsh.test/runs

go 1.19

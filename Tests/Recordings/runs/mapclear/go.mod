module gcsh.test/mapclear

go 1.21

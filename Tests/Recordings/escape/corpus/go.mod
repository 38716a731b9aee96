module gcsh.test/escapecorpus

go 1.19

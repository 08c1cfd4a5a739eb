f() { echo to-file; echo second; } > out.txt
f
cat out.txt
g() { cat; }
echo piped | g

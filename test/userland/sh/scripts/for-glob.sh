touch b.txt a.txt c.dat
for f in *.txt; do echo $f; done
for f in *.none; do echo $f; done

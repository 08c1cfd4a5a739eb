printf 'one\ntwo\nthree\n' > f
while read line; do echo "got $line"; done < f
n=0
while read a; do n=$((n+1)); done < f
echo $n

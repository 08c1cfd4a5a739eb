if true; then echo in-if; fi > a
cat a
for i in 1 2; do echo $i; done > b
cat b
while read l; do echo "w:$l"; done < b
case x in x) echo in-case;; esac > c
cat c
( echo in-sub ) > d; cat d

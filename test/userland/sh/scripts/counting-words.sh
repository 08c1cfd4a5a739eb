count() { echo $#; }
count a b c
count "a b c"
count
x="1 2 3 4"
count $x
count "$x"

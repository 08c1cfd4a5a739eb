f() { v=set-in-f; }
f
echo $v
cnt=0
inc() { cnt=$((cnt+1)); }
inc; inc; inc
echo $cnt

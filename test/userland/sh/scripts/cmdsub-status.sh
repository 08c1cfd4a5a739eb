x=$(exit 3)
echo $?
echo $(exit 4) $?
if x=$(false); then echo yes; else echo no; fi

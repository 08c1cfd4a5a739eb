path=/home/user/docs/report.final.txt
file=${path##*/}
dir=${path%/*}
base=${file%%.*}
ext=${file##*.}
echo "$dir | $file | $base | $ext"

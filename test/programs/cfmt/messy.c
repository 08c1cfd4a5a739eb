#include <stdio.h>
#define MAX(a,b) ((a)>(b)?(a):(b))
/* a messy program */
static int table[ 16 ]={1,2,3,4};
struct point{int x;int y;};
int dot(struct point a,struct point b){return a.x*b.x+a.y*b.y;}
int main(int argc,char**argv){int i,sum=0;for(i=0;i<16;i++){if(table[i]>2)sum+=table[i];else{sum-=-i;}}
  // count the arguments
  while(argc-->1){printf("arg %s\n",argv[argc]);}
switch(sum){case 1:sum++;break;default:sum=MAX(sum,3);}
	struct point p={3,4},*pp=&p;int d=dot(p,*pp)+!sum+~0x1fUL+1.5e-3;
  do{d>>=1;}while(d>0&&pp->x!=0);
  char c='\'';const char*s="a \"quoted\" string";
  return sum>0?0:1;}

import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsInt, IsNotEmpty, IsPositive, IsString, Matches, ValidateNested } from 'class-validator';

export class OrderLine {
  @IsString()
  @IsNotEmpty()
  sku!: string;

  @IsInt()
  @IsPositive()
  quantity!: number;
}

/** An order as activities receive it: validated by class-validator before the method runs. */
export class Order {
  @Matches(/^ord-[0-9]+$/, { message: 'orderId must look like ord-123' })
  orderId!: string;

  @IsEmail()
  email!: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => OrderLine)
  lines!: OrderLine[];

  @IsInt()
  @IsPositive()
  totalCents!: number;
}

export interface Receipt {
  orderId: string;
  reservationId: string;
  paymentId: string;
  trackingNumber: string;
}
